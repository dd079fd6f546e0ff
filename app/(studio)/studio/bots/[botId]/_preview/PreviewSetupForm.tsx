'use client';

import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Pagination } from '@/app/_components/listPage/Pagination';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { VariableDefinition } from '@/bot-runtime/flow/flowSettings';
import { BackgroundAppFields } from './BackgroundAppFields';
import { OrgDeploymentSelect } from './OrgDeploymentSelect';
import { type PreviewSetup, parseVariableValue } from './previewSetup';

type CustomerKind = 'anonymous' | 'contact' | 'customerId';

interface VariableRow {
  key: number;
  name: string;
  text: string;
}

const CONTACTS_PER_PAGE = 8;

/**
 * What the next preview conversation rehearses: the draft or a published version, the selected
 * node to start from, variables set beforehand, the verified customer it runs as and whether
 * their app is in the background. Nothing changes the conversation under way: "Restart with
 * these settings" begins a new one.
 */
export function PreviewSetupForm({
  botId,
  setup,
  variables,
  selectedNode,
  canUseRealServices,
  onApply,
}: {
  botId: string;
  setup: PreviewSetup;
  /** The draft's variables, offered for setting. */
  variables: VariableDefinition[];
  /** The node selected on the canvas, if one is. */
  selectedNode: { id: string; label: string } | null;
  /** Designers and admins may have actions call a deployment's real services. */
  canUseRealServices: boolean;
  onApply: (setup: PreviewSetup) => void;
}) {
  const trpc = useTRPC();
  const ids = useId();
  const versions = useQuery(trpc.bots.versions.queryOptions({ botId }));
  const [versionId, setVersionId] = useState(setup.version?.id ?? '');
  const [fromSelected, setFromSelected] = useState(setup.startNode !== null);
  const [rows, setRows] = useState<VariableRow[]>(() =>
    Object.entries(setup.variables).map(([name, value], key) => ({
      key,
      name,
      text: typeof value === 'string' ? value : JSON.stringify(value),
    })),
  );
  const [customerKind, setCustomerKind] = useState<CustomerKind>(
    !setup.customer
      ? 'anonymous'
      : 'contactId' in setup.customer.request
        ? 'contact'
        : 'customerId',
  );
  const [contact, setContact] = useState<{ id: string; label: string } | null>(
    setup.customer && 'contactId' in setup.customer.request
      ? { id: setup.customer.request.contactId, label: setup.customer.label }
      : null,
  );
  const [customerId, setCustomerId] = useState(
    setup.customer && 'customerId' in setup.customer.request
      ? setup.customer.request.customerId
      : '',
  );
  const [realServices, setRealServices] = useState(setup.realServices);
  const [background, setBackground] = useState(setup.background);
  const [problem, setProblem] = useState<string | null>(null);
  const startNode = fromSelected ? (selectedNode ?? setup.startNode) : null;
  const unusedNames = variables.filter((v) => !rows.some((row) => row.name === v.name));

  function apply(event: FormEvent) {
    event.preventDefault();
    const values: PreviewSetup['variables'] = {};
    for (const row of rows) {
      const type = variables.find((v) => v.name === row.name)?.type ?? 'string';
      const parsed = parseVariableValue(type, row.text);
      if (!parsed.ok) return setProblem(`${row.name}: ${parsed.message}`);
      values[row.name] = parsed.value;
    }
    const version = versions.data?.find((v) => v.id === versionId);
    let customer: PreviewSetup['customer'] = null;
    if (customerKind === 'contact') {
      if (!contact) return setProblem('Choose the contact to preview as.');
      customer = { request: { contactId: contact.id }, label: contact.label };
    }
    if (customerKind === 'customerId') {
      const typed = customerId.trim();
      if (!typed) return setProblem('Type the customer id to preview as.');
      customer = { request: { customerId: typed }, label: typed };
    }
    setProblem(null);
    onApply({
      version: version ? { id: version.id, number: version.number } : null,
      startNode,
      variables: values,
      customer,
      realServices,
      background,
    });
  }

  return (
    <form className="preview-setup stack" aria-label="Preview settings" onSubmit={apply}>
      <div className="field">
        <label htmlFor={`${ids}-version`}>Version</label>
        <select
          id={`${ids}-version`}
          value={versionId}
          onChange={(event) => setVersionId(event.target.value)}
        >
          <option value="">The draft, as on the canvas</option>
          {versions.data?.map((version) => (
            <option key={version.id} value={version.id}>
              Version {version.number}
              {version.note ? ` — ${version.note}` : ''}
              {version.liveOn.length > 0 ? ` (live on ${version.liveOn.join(', ')})` : ''}
            </option>
          ))}
        </select>
        {versions.isPending && <span className="muted">Loading the published versions…</span>}
        {versions.isError && (
          <span className="field-error" role="alert">
            {errorMessage(versions.error)}{' '}
            <button type="button" onClick={() => versions.refetch()}>
              Retry
            </button>
          </span>
        )}
        {versions.data?.length === 0 && <span className="muted">Nothing published yet.</span>}
      </div>

      <label className="checkbox">
        <input
          type="checkbox"
          checked={fromSelected}
          disabled={!selectedNode && !setup.startNode}
          onChange={(event) => setFromSelected(event.target.checked)}
        />
        {startNode
          ? `Start from "${startNode.label}"`
          : selectedNode
            ? `Start from the selected node, "${selectedNode.label}"`
            : 'Start from the selected node (select one on the canvas)'}
      </label>

      <fieldset className="preview-setup-variables">
        <legend>Variables set before the start</legend>
        {rows.length === 0 && <p className="muted">None: each starts at its default.</p>}
        {rows.map((row) => {
          const definition = variables.find((v) => v.name === row.name);
          return (
            <div key={row.key} className="row">
              <select
                aria-label="Variable"
                value={row.name}
                onChange={(event) =>
                  setRows(
                    rows.map((r) => (r.key === row.key ? { ...r, name: event.target.value } : r)),
                  )
                }
              >
                {[definition ?? { name: row.name }, ...unusedNames].map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name}
                  </option>
                ))}
              </select>
              <input
                aria-label={`Value of ${row.name}`}
                placeholder={
                  definition?.type === 'boolean' ? 'true or false' : (definition?.type ?? '')
                }
                value={row.text}
                onChange={(event) =>
                  setRows(
                    rows.map((r) => (r.key === row.key ? { ...r, text: event.target.value } : r)),
                  )
                }
              />
              <button
                type="button"
                aria-label={`Remove ${row.name}`}
                onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
              >
                ×
              </button>
            </div>
          );
        })}
        <button
          type="button"
          disabled={unusedNames.length === 0}
          onClick={() => {
            const [next] = unusedNames;
            if (next) setRows([...rows, { key: Date.now(), name: next.name, text: '' }]);
          }}
        >
          Set a variable
        </button>
        {variables.length === 0 && (
          <p className="muted">The flow declares no variables (Flow settings → Variables).</p>
        )}
      </fieldset>

      <fieldset>
        <legend>Customer</legend>
        <div className="field">
          <label htmlFor={`${ids}-customer`}>Preview as</label>
          <select
            id={`${ids}-customer`}
            value={customerKind}
            onChange={(event) => setCustomerKind(event.target.value as CustomerKind)}
          >
            <option value="anonymous">An anonymous customer</option>
            <option value="contact">A contact of the organisation</option>
            <option value="customerId">A customer id, as the app signs it</option>
          </select>
        </div>
        {customerKind === 'contact' && <ContactPicker chosen={contact} onChoose={setContact} />}
        {customerKind === 'customerId' && (
          <label className="field">
            <span>Customer id</span>
            <input value={customerId} onChange={(event) => setCustomerId(event.target.value)} />
          </label>
        )}
        {customerKind !== 'anonymous' && (
          <p className="muted">Runs as that verified customer, as if the app had signed them in.</p>
        )}
      </fieldset>

      <fieldset>
        <legend>Actions</legend>
        {canUseRealServices ? (
          <DeploymentPicker chosen={realServices} onChoose={setRealServices} />
        ) : (
          <p className="muted">
            Actions answer from their mocks. Designers and admins can have them call a deployment's
            real services.
          </p>
        )}
      </fieldset>

      <BackgroundAppFields background={background} onChange={setBackground} />

      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        Restart with these settings
      </button>
    </form>
  );
}

/** The org's contacts, searched and a page at a time, to choose one from. */
function ContactPicker({
  chosen,
  onChoose,
}: {
  chosen: { id: string; label: string } | null;
  onChoose: (contact: { id: string; label: string }) => void;
}) {
  const trpc = useTRPC();
  const paging = usePagedSearch(CONTACTS_PER_PAGE);
  const contacts = useQuery(trpc.bots.previewContacts.queryOptions(paging.query));
  return (
    <div className="stack preview-contacts">
      <input
        type="search"
        aria-label="Search contacts"
        placeholder="Name, email or the app's id"
        value={paging.search}
        onChange={(event) => paging.setSearch(event.target.value)}
      />
      {contacts.isPending && <p className="muted">Loading contacts…</p>}
      {contacts.isError && (
        <p className="field-error" role="alert">
          {errorMessage(contacts.error)}{' '}
          <button type="button" onClick={() => contacts.refetch()}>
            Retry
          </button>
        </p>
      )}
      {contacts.data?.total === 0 && (
        <p className="muted">
          {paging.debouncedSearch
            ? 'No contact matches.'
            : 'No contacts yet: customers become contacts when the app signs them in.'}
        </p>
      )}
      {contacts.data && contacts.data.items.length > 0 && (
        <div role="radiogroup" aria-label="Contacts">
          {contacts.data.items.map((item) => {
            const label = item.name ?? item.email ?? item.externalUserId;
            return (
              <label key={item.id} className="checkbox">
                <input
                  type="radio"
                  name="preview-contact"
                  checked={chosen?.id === item.id}
                  onChange={() => onChoose({ id: item.id, label })}
                />
                {label} <span className="muted">{item.externalUserId}</span>
              </label>
            );
          })}
          <Pagination
            page={contacts.data.page}
            pageSize={contacts.data.pageSize}
            total={contacts.data.total}
            onPage={paging.setPage}
          />
        </div>
      )}
    </div>
  );
}

/**
 * Mocks, or the real services of one of the org's deployments: its endpoints called with its
 * secrets, as its customers' conversations call them.
 */
function DeploymentPicker({
  chosen,
  onChoose,
}: {
  chosen: PreviewSetup['realServices'];
  onChoose: (chosen: PreviewSetup['realServices']) => void;
}) {
  const ids = useId();
  return (
    <div className="stack">
      <OrgDeploymentSelect
        id={`${ids}-services`}
        label="Services"
        noneLabel="Mocks (nothing is called)"
        optionLabel={(name) => `Real services of ${name}`}
        searchLabel="Search deployments"
        chosen={chosen && { id: chosen.deploymentId, name: chosen.name }}
        onChoose={(deployment) =>
          onChoose(deployment && { deploymentId: deployment.id, name: deployment.name })
        }
      />
      {chosen && (
        <p className="alert alert-warning" role="note">
          Actions will call {chosen.name}'s endpoints with its secrets: real orders are looked up
          and real reset emails are sent.
        </p>
      )}
    </div>
  );
}
