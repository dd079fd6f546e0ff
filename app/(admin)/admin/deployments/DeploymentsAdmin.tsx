'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Dialog, DialogFormActions } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { Pagination } from '@/app/_components/listPage/Pagination';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { SecretOnce } from '@/app/_components/SecretOnce';
import { useTRPC } from '@/app/_trpc/client';
import { CHANNELS, type Channel } from '@/server/db/enums';

const PAGE_SIZE = 20;
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_app: 'In-app (SDK)',
  web: 'Web widget',
};

export function DeploymentsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, setPage, search, setSearch, debouncedSearch, query } = usePagedSearch(PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);

  const list = useQuery({
    ...trpc.deployments.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Deployments</h1>
          <p className="muted">
            Where customers reach you: your app through the SDK, or a website through the widget.
          </p>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New deployment
        </button>
      </div>
      <div className="card stack">
        <SearchBox
          label="Search deployments"
          placeholder="Search by name or public id"
          value={search}
          onChange={setSearch}
        />
        {list.isPending ? (
          <p className="muted">Loading deployments…</p>
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <p className="empty-state">
            {debouncedSearch ? `No deployments match “${debouncedSearch}”.` : 'No deployments yet.'}
          </p>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Public id</th>
                  <th>Channel</th>
                  <th>Identity</th>
                  <th>API key</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((deployment) => (
                  <tr key={deployment.id}>
                    <td>
                      <Link href={`/admin/deployments/${deployment.id}`}>{deployment.name}</Link>
                    </td>
                    <td>
                      <code>{deployment.publicId}</code>
                    </td>
                    <td>{CHANNEL_LABELS[deployment.channel]}</td>
                    <td>
                      <span className="badge">{deployment.identityMode}</span>
                    </td>
                    <td>
                      <code>{deployment.apiKeyPrefix}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        )}
      </div>
      <CreateDeploymentDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(apiKey) => {
          setCreating(false);
          setNewKey(apiKey);
          queryClient.invalidateQueries({ queryKey: trpc.deployments.list.queryKey() });
        }}
      />
      <SecretOnce
        title="Deployment created"
        label="API key"
        secret={newKey}
        onClose={() => setNewKey(null)}
      />
    </>
  );
}

function CreateDeploymentDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (apiKey: string) => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.deployments.create.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const publicId = String(form.get('publicId') ?? '').trim();
    create.mutate(
      {
        name: String(form.get('name')),
        channel: String(form.get('channel')) as Channel,
        publicId: publicId || undefined,
      },
      { onSuccess: (result) => onCreated(result.apiKey) },
    );
  }

  return (
    <Dialog
      open={open}
      title="New deployment"
      onClose={() => {
        create.reset();
        onClose();
      }}
    >
      <form className="stack" onSubmit={onSubmit}>
        {create.isError && <ErrorAlert error={create.error} />}
        <label>
          Name
          <input name="name" required maxLength={120} placeholder="Acme iOS app" />
        </label>
        <label>
          Channel
          <select name="channel" defaultValue="in_app">
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Public id <span className="muted">(optional; used in the SDK and widget)</span>
          <input name="publicId" pattern="[a-z0-9][a-z0-9\-]{2,63}" placeholder="acme-ios" />
        </label>
        <DialogFormActions
          onCancel={onClose}
          busy={create.isPending}
          busyLabel="Creating…"
          submitLabel="Create deployment"
        />
      </form>
    </Dialog>
  );
}
