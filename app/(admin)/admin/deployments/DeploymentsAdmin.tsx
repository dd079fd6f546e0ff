'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
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
      <ListPageHeader
        title="Deployments"
        description="Where customers reach you: your app through the SDK, or a website through the widget."
      >
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New deployment
        </button>
      </ListPageHeader>
      <div className="card stack">
        <SearchBox
          label="Search deployments"
          placeholder="Search by name or public id"
          value={search}
          onChange={setSearch}
        />
        <ListState
          query={list}
          loadingText="Loading deployments…"
          emptyText={
            debouncedSearch ? `No deployments match “${debouncedSearch}”.` : 'No deployments yet.'
          }
        >
          {({ items, total }) => (
            <ListTable
              columns={['Name', 'Public id', 'Channel', 'Identity', 'API key']}
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((deployment) => (
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
            </ListTable>
          )}
        </ListState>
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

  function onSubmit(form: FormData) {
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
    <FormDialog
      open={open}
      title="New deployment"
      mutation={create}
      onClose={onClose}
      onSubmit={onSubmit}
      busyLabel="Creating…"
      submitLabel="Create deployment"
    >
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
    </FormDialog>
  );
}
