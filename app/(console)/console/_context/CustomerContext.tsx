import type { ReactNode } from 'react';
import type { ConversationView } from '../_live/consoleTypes';
import { valueText } from './valueText';

const day = (at: Date) => at.toLocaleDateString([], { day: 'numeric', month: 'short' });

/**
 * Who the agent is talking to: verified or not, the contact, their account and cases, their
 * earlier conversations, and what the app and the pre-chat form said about them.
 */
export function CustomerContext({ view }: { view: ConversationView }) {
  const { customer, session } = view;
  const { contact, account } = customer;
  return (
    <aside className="customer-context" aria-label="Customer">
      <h2>{contact?.name ?? 'Anonymous customer'}</h2>
      <p>
        {customer.verified ? (
          <span className="badge badge-success">Verified</span>
        ) : (
          <span className="badge" title="The app did not vouch for who this is">
            Not verified
          </span>
        )}{' '}
        <span className="muted">
          {session.deploymentName} · {session.channel === 'in_app' ? 'in-app' : 'web'}
        </span>
      </p>

      {contact && (
        <Section title="Contact">
          <Fields
            fields={[
              ['Email', contact.email],
              ['User id', contact.externalUserId],
              ...Object.entries(contact.attributes ?? {}),
            ]}
          />
        </Section>
      )}
      {account && (
        <Section title="Account">
          <Fields
            fields={[
              ['Name', account.name],
              ['Tier', account.tier],
            ]}
          />
        </Section>
      )}
      {contact && (
        <Section title="Cases">
          {customer.cases.length === 0 ? (
            <p className="muted">No cases.</p>
          ) : (
            <ul className="plain-list">
              {customer.cases.map((item) => (
                <li key={item.number}>
                  <strong>{item.number}</strong> {item.subject}{' '}
                  <span className="badge">{item.status}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {contact && (
        <Section title="Earlier conversations">
          {customer.earlierConversations.length === 0 ? (
            <p className="muted">None before this one.</p>
          ) : (
            <ul className="plain-list">
              {customer.earlierConversations.map((earlier) => (
                <li key={earlier.id}>
                  {day(earlier.createdAt)} · {earlier.entryCount} messages ·{' '}
                  <span className="badge">{earlier.status}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      <Section title="From the app">
        <Fields fields={Object.entries(customer.context ?? {})} empty="The app sent no context." />
      </Section>
      <Section title="Pre-chat answers">
        <Fields fields={Object.entries(customer.prechat ?? {})} empty="No pre-chat form." />
      </Section>
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function Fields({ fields, empty }: { fields: [string, unknown][]; empty?: string }) {
  if (fields.length === 0) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <dl className="field-list">
      {fields.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{valueText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
