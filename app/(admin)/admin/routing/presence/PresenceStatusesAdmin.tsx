'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { FieldError, useFieldErrors } from '@/app/_components/useFieldErrors';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { PresenceStatusRow } from '@/server/routingConfig/presenceStatuses';
import {
  BUILT_IN_PRESENCE,
  presenceStatusInput,
} from '@/server/routingConfig/presenceStatusSchema';

const takesWorkLabel = (takesWork: boolean) => (
  <span className={`badge ${takesWork ? 'badge-success' : ''}`}>
    {takesWork ? 'takes work' : 'no new work'}
  </span>
);

export function PresenceStatusesAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<PresenceStatusRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<PresenceStatusRow | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const statuses = useQuery({
    ...trpc.routingConfig.presenceStatuses.list.queryOptions(),
    select: (items) => ({ items, total: items.length }),
  });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.routingConfig.presenceStatuses.pathKey() });
  const remove = useMutation(
    trpc.routingConfig.presenceStatuses.delete.mutationOptions({
      onSuccess: refresh,
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );

  return (
    <>
      <ListPageHeader
        title="Presence statuses"
        description="What agents tell routing about themselves. Only a status that takes work gets them conversations."
      >
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New status
        </button>
      </ListPageHeader>
      <div className="stack">
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
        <section className="card stack" aria-labelledby="custom-heading">
          <h2 id="custom-heading">Your own</h2>
          <ListState
            query={statuses}
            loadingText="Loading statuses…"
            emptyText="No statuses of your own yet, such as Lunch or Training."
            actionError={actionError}
          >
            {({ items }) => (
              <table>
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Work</th>
                    <th>Agents in it now</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {items.map((status) => (
                    <tr key={status.id}>
                      <td>{status.name}</td>
                      <td>{takesWorkLabel(status.takesWork)}</td>
                      <td>{status.agentCount}</td>
                      <td>
                        <div className="row">
                          <button
                            type="button"
                            aria-label={`Edit ${status.name}`}
                            onClick={() => setEditing(status)}
                          >
                            Edit
                          </button>
                          <button
                            type="button"
                            className="danger"
                            aria-label={`Delete ${status.name}`}
                            onClick={() => {
                              setActionError(null);
                              setDeleting(status);
                            }}
                          >
                            Delete
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ListState>
        </section>
      </div>
      <StatusDialog
        status={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete status?"
        message={
          deleting?.agentCount
            ? `${deleting.agentCount} ${deleting.agentCount === 1 ? 'agent is' : 'agents are'} in “${deleting.name}” now and will show as ${deleting.takesWork ? 'Online' : 'Busy'} until they choose another status.`
            : `Nobody is in “${deleting?.name}” now.`
        }
        confirmLabel="Delete status"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          setDeleting(null);
        }}
      />
    </>
  );
}

function StatusDialog({
  status,
  onClose,
  onSaved,
}: {
  status: PresenceStatusRow | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const fields = useFieldErrors();
  const create = useMutation(
    trpc.routingConfig.presenceStatuses.create.mutationOptions({ onError: fields.fromServer }),
  );
  const update = useMutation(
    trpc.routingConfig.presenceStatuses.update.mutationOptions({ onError: fields.fromServer }),
  );
  const existing = status !== 'new' ? status : null;
  return (
    <FormDialog
      open={status !== null}
      title={existing ? `Edit ${existing.name}` : 'New status'}
      mutation={existing ? update : create}
      onClose={() => {
        fields.clear();
        onClose();
      }}
      onSubmit={(form) => {
        const input = fields.check(presenceStatusInput, {
          name: String(form.get('name')),
          takesWork: form.get('takesWork') === 'on',
        });
        if (!input) return;
        if (existing) update.mutate({ id: existing.id, ...input }, { onSuccess: onSaved });
        else create.mutate(input, { onSuccess: onSaved });
      }}
      submitLabel={existing ? 'Save status' : 'Add status'}
      busyLabel="Saving…"
      checksItsFields
    >
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
    </FormDialog>
  );
}
