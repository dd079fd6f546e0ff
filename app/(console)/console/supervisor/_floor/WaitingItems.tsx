import { formatDuration } from '../../_live/countdown';
import type { FloorAgent, FloorItem } from './floorTypes';

const customerOf = (item: FloorItem) => item.customerName ?? 'Customer';

export function WaitingItems({
  items,
  agents,
  now,
  onExplain,
  onReassign,
}: {
  items: FloorItem[];
  agents: FloorAgent[];
  now: number;
  onExplain: (item: FloorItem) => void;
  onReassign: (item: FloorItem) => void;
}) {
  const agentName = (id: string | null) => agents.find((agent) => agent.id === id)?.name;
  return (
    <section className="card" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting</h2>
      {items.length === 0 ? (
        <p className="muted">Nobody is waiting for an agent.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Customer</th>
              <th>Queue</th>
              <th>Waiting for</th>
              <th>Why</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.workItemId} aria-label={`Waiting: ${customerOf(item)}`}>
                <td>{customerOf(item)}</td>
                <td>{item.queueName}</td>
                <td>{formatDuration((now - item.askedAt.getTime()) / 1000)}</td>
                <td>
                  {item.status === 'offered'
                    ? `Offered to ${agentName(item.agentId) ?? 'an agent'}`
                    : (item.waitingReason ?? 'In the queue')}
                </td>
                <td className="row">
                  <button type="button" onClick={() => onExplain(item)}>
                    Why?
                  </button>
                  <button type="button" onClick={() => onReassign(item)}>
                    Reassign…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
