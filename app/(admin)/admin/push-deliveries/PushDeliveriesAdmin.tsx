'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { useDebounced } from '@/app/_components/useDebounced';
import { useTRPC } from '@/app/_trpc/client';
import type { PushDeliveryStatus } from '@/server/db/schema/push';

const PAGE_SIZE = 25;

const PLATFORM_LABELS = { apns: 'iOS (APNs)', fcm: 'Android (FCM)', web_push: 'Web Push' };

const STATUS_LABELS: Record<PushDeliveryStatus, string> = {
  pending: 'Pending',
  sent: 'Sent',
  failed: 'Failed',
  dropped: 'Dropped',
};

/** The org's notifications, newest first: what was sent, what is still trying, and why not. */
export function PushDeliveriesAdmin() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<PushDeliveryStatus | ''>('');
  const [conversation, setConversation] = useState('');
  const sessionId = useDebounced(conversation.trim(), 300);
  const list = useQuery({
    ...trpc.push.deliveries.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      status: status || undefined,
      sessionId: sessionId || undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const filtered = status !== '' || sessionId !== '';

  return (
    <>
      <ListPageHeader
        title="Push deliveries"
        description="Notifications sent to customers' devices when a reply arrived while their app was closed, with each provider's answer."
      />
      <div className="card stack">
        <div className="row" style={{ alignItems: 'flex-end' }}>
          <label>
            Status
            <select
              value={status}
              onChange={(event) => {
                setStatus(event.target.value as PushDeliveryStatus | '');
                setPage(1);
              }}
            >
              <option value="">All</option>
              {(Object.keys(STATUS_LABELS) as PushDeliveryStatus[]).map((value) => (
                <option key={value} value={value}>
                  {STATUS_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Conversation
            <input
              type="search"
              value={conversation}
              placeholder="Conversation id"
              spellCheck={false}
              onChange={(event) => {
                setConversation(event.target.value);
                setPage(1);
              }}
            />
          </label>
        </div>
        <ListState
          query={list}
          loadingText="Loading deliveries…"
          emptyText={
            filtered
              ? 'No deliveries match these filters.'
              : 'No notifications yet. They appear here once a customer with a registered device gets a reply while away.'
          }
        >
          {({ items, total }) => (
            <ListTable
              columns={[
                'Created',
                'Conversation',
                'Device',
                'Status',
                'Attempts',
                'Next attempt',
                'Provider answer',
                'Sent',
              ]}
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{delivery.createdAt.toLocaleString()}</td>
                  <td>
                    {delivery.sessionId ? (
                      <button
                        type="button"
                        title="Show only this conversation"
                        onClick={() => {
                          setConversation(delivery.sessionId ?? '');
                          setPage(1);
                        }}
                      >
                        <code>{delivery.sessionId.slice(0, 8)}…</code>
                      </button>
                    ) : (
                      '—'
                    )}
                    {delivery.seq !== null && <span className="muted"> #{delivery.seq}</span>}
                  </td>
                  <td>
                    {PLATFORM_LABELS[delivery.platform]}
                    <div className="muted">{delivery.deploymentName}</div>
                  </td>
                  <td>
                    <span className="badge">{STATUS_LABELS[delivery.status]}</span>
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    {delivery.status === 'pending' ? delivery.nextAttemptAt.toLocaleString() : '—'}
                  </td>
                  <td>
                    {delivery.providerStatus !== null && <code>{delivery.providerStatus}</code>}{' '}
                    {delivery.lastError ?? (delivery.providerStatus === null ? '—' : '')}
                  </td>
                  <td>{delivery.sentAt ? delivery.sentAt.toLocaleString() : '—'}</td>
                </tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </div>
    </>
  );
}
