'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { QueueRow } from '@/server/routingConfig/queues';
import { ROUTING_MODEL_LABELS } from './QueueEditor';

const PAGE_SIZE = 20;

export function QueuesAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, setPage, search, setSearch, debouncedSearch, query } = usePagedSearch(PAGE_SIZE);
  const [deleting, setDeleting] = useState<QueueRow | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.routingConfig.queues.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation(
    trpc.routingConfig.queues.delete.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.routingConfig.pathKey() }),
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );

  return (
    <>
      <ListPageHeader
        title="Queues"
        description="Where hand-offs wait for an agent. A bot's escalate node names the queue; its members take the work."
      >
        <Link className="button primary" href="/admin/routing/queues/new">
          New queue
        </Link>
      </ListPageHeader>
      <div className="card stack">
        <SearchBox
          label="Search queues"
          placeholder="Search by name"
          value={search}
          onChange={setSearch}
        />
        <ListState
          query={list}
          loadingText="Loading queues…"
          emptyText={debouncedSearch ? `No queues match “${debouncedSearch}”.` : 'No queues yet.'}
          actionError={actionError}
        >
          {({ items, total }) => (
            <ListTable
              columns={['Name', 'Routing', 'Members', 'Open conversations', 'Hours', 'Overflow']}
              actionsColumn
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((queue) => (
                <tr key={queue.id}>
                  <td>
                    <Link href={`/admin/routing/queues/${queue.id}`}>{queue.name}</Link>
                  </td>
                  <td>{ROUTING_MODEL_LABELS[queue.routingModel]}</td>
                  <td>{queue.memberCount}</td>
                  <td>{queue.openWork}</td>
                  <td>{queue.hasBusinessHours ? 'Business hours' : 'Always open'}</td>
                  <td>{queue.overflowQueueName ?? <span className="muted">none</span>}</td>
                  <td>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Delete ${queue.name}`}
                      onClick={() => {
                        setActionError(null);
                        setDeleting(queue);
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete queue?"
        message={`Bots handing off to “${deleting?.name}” will take their “No agent available” path.`}
        confirmLabel="Delete queue"
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
