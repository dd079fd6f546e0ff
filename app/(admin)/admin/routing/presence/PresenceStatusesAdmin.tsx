'use client';

import { useQuery } from '@tanstack/react-query';
import { FieldError } from '@/app/_components/useFieldErrors';
import { useTRPC } from '@/app/_trpc/client';
import type { PresenceStatusRow } from '@/server/routingConfig/presenceStatuses';
import {
  BUILT_IN_PRESENCE,
  presenceStatusInput,
} from '@/server/routingConfig/presenceStatusSchema';
import { NamedRecordsPage, type RecordFormProps } from '../_components/NamedRecordsPage';
import { RecordFormDialog } from '../_components/RecordFormDialog';

const takesWorkLabel = (takesWork: boolean) => (
  <span className={`badge ${takesWork ? 'badge-success' : ''}`}>
    {takesWork ? 'takes work' : 'no new work'}
  </span>
);

export function PresenceStatusesAdmin() {
  const trpc = useTRPC();
  // An org has a handful of statuses: one list, no pages.
  const statuses = useQuery({
    ...trpc.routingConfig.presenceStatuses.list.queryOptions(),
    select: (items) => ({ items, total: items.length }),
  });

  return (
    <NamedRecordsPage
      title="Presence statuses"
      description="What agents tell routing about themselves. Only a status that takes work gets them conversations."
      newRecord={{ label: 'New status' }}
      intro={<BuiltInStatuses />}
      listHeading="Your own"
      list={statuses}
      loadingText="Loading statuses…"
      emptyText="No statuses of your own yet, such as Lunch or Training."
      columns={[
        { header: 'Name', cell: (status) => status.name },
        { header: 'Work', cell: (status) => takesWorkLabel(status.takesWork) },
        { header: 'Agents in it now', cell: (status) => status.agentCount },
      ]}
      nameOf={(status) => status.name}
      form={(props) => <StatusDialog {...props} />}
      remove={{
        mutation: trpc.routingConfig.presenceStatuses.delete.mutationOptions(),
        invalidates: trpc.routingConfig.presenceStatuses.pathKey(),
        title: 'Delete status?',
        confirmLabel: 'Delete status',
        message: (status) =>
          status.agentCount
            ? `${status.agentCount} ${status.agentCount === 1 ? 'agent is' : 'agents are'} in “${status.name}” now and will show as ${status.takesWork ? 'Online' : 'Busy'} until they choose another status.`
            : `Nobody is in “${status.name}” now.`,
      }}
    />
  );
}

function BuiltInStatuses() {
  return (
    <section className="card stack" aria-labelledby="built-in-heading">
      <h2 id="built-in-heading">Built in</h2>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Work</th>
          </tr>
        </thead>
        <tbody>
          {BUILT_IN_PRESENCE.map((status) => (
            <tr key={status.presence}>
              <td>{status.name}</td>
              <td>{takesWorkLabel(status.takesWork)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StatusDialog(props: RecordFormProps<PresenceStatusRow>) {
  const trpc = useTRPC();
  return (
    <RecordFormDialog
      {...props}
      schema={presenceStatusInput}
      read={(form) => ({
        name: String(form.get('name')),
        takesWork: form.get('takesWork') === 'on',
      })}
      create={trpc.routingConfig.presenceStatuses.create.mutationOptions()}
      update={trpc.routingConfig.presenceStatuses.update.mutationOptions()}
      title={(existing) => (existing ? `Edit ${existing.name}` : 'New status')}
      submitLabel={(existing) => (existing ? 'Save status' : 'Add status')}
    >
      {(existing, fields) => (
        <>
          <label>
            Name
            <input
              name="name"
              defaultValue={existing?.name ?? ''}
              placeholder="Lunch"
              {...fields.ariaFor('name')}
            />
            <FieldError errors={fields} path="name" />
          </label>
          <label className="checkbox">
            <input name="takesWork" type="checkbox" defaultChecked={existing?.takesWork ?? false} />
            Takes work: agents in this status are offered conversations
          </label>
          {existing && existing.agentCount > 0 && (
            <p className="help">
              {existing.agentCount} {existing.agentCount === 1 ? 'agent is' : 'agents are'} in this
              status now; they follow the change at once.
            </p>
          )}
        </>
      )}
    </RecordFormDialog>
  );
}
