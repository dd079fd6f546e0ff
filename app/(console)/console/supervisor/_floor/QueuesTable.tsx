import { formatDuration } from '../../_live/countdown';
import type { Overview } from './floorTypes';

export function QueuesTable({ queues }: { queues: Overview['queues'] }) {
  return (
    <section className="card" aria-labelledby="queues-heading">
      <h2 id="queues-heading">Queues</h2>
      {queues.length === 0 ? (
        <p className="muted">No queues yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Queue</th>
              <th>Waiting</th>
              <th>Longest wait</th>
              <th>Agents online</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((queue) => (
              <tr key={queue.id}>
                <td>{queue.name}</td>
                <td>{queue.waiting}</td>
                <td>{queue.waiting > 0 ? formatDuration(queue.longestWaitSeconds) : '—'}</td>
                <td>
                  {queue.agentsOnline === 0 && queue.waiting > 0 ? (
                    <span className="badge badge-danger">none online</span>
                  ) : (
                    queue.agentsOnline
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
