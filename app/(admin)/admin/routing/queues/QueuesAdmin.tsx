'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { useTRPC } from '@/app/_trpc/client';
import { NamedRecordsPage } from '../_components/NamedRecordsPage';
import { ROUTING_MODEL_LABELS } from './QueueEditor';

const PAGE_SIZE = 20;

/** The queues; each one is edited on its own page, where its many settings fit. */
export function QueuesAdmin() {
  const trpc = useTRPC();
  const paged = usePagedSearch(PAGE_SIZE);
  const list = useQuery({
    ...trpc.routingConfig.queues.list.queryOptions(paged.query),
    placeholderData: keepPreviousData,
  });

  return (
    <NamedRecordsPage
      title="Queues"
      description="Where hand-offs wait for an agent. A bot's escalate node names the queue; its members take the work."
      newRecord={{ label: 'New queue', href: '/admin/routing/queues/new' }}
      search={{
        label: 'Search queues',
        placeholder: 'Search by name',
        pageSize: PAGE_SIZE,
        state: paged,
      }}
      list={list}
      loadingText="Loading queues…"
      emptyText={
        paged.debouncedSearch ? `No queues match “${paged.debouncedSearch}”.` : 'No queues yet.'
      }
      columns={[
        {
          header: 'Name',
          cell: (queue) => <Link href={`/admin/routing/queues/${queue.id}`}>{queue.name}</Link>,
        },
        { header: 'Routing', cell: (queue) => ROUTING_MODEL_LABELS[queue.routingModel] },
        { header: 'Members', cell: (queue) => queue.memberCount },
        { header: 'Open conversations', cell: (queue) => queue.openWork },
        {
          header: 'Hours',
          cell: (queue) => (queue.hasBusinessHours ? 'Business hours' : 'Always open'),
        },
        {
          header: 'Overflow',
          cell: (queue) => queue.overflowQueueName ?? <span className="muted">none</span>,
        },
      ]}
      nameOf={(queue) => queue.name}
      remove={{
        mutation: trpc.routingConfig.queues.delete.mutationOptions(),
        // Skills and agents list the queues that use them: they change with it.
        invalidates: trpc.routingConfig.pathKey(),
        title: 'Delete queue?',
        confirmLabel: 'Delete queue',
        message: (queue) =>
          `Bots handing off to “${queue.name}” will take their “No agent available” path.`,
      }}
    />
  );
}
