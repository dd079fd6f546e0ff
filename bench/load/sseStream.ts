import { type Agent, request } from 'node:http';

export interface StreamEntry {
  seq: number;
  actor: { type: string };
  type: string;
  payload: Record<string, unknown>;
  clientMessageId?: string;
}

/**
 * Reads one conversation's Server-Sent Events and hands every `entry` event to `onEntry`.
 * Heartbeats and the `retry:` preamble carry no data and are skipped.
 */
export function openEntryStream(
  base: string,
  path: string,
  token: string,
  agent: Agent,
  onEntry: (entry: StreamEntry) => void,
): Promise<{ close: () => void }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        path,
        agent,
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`stream answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let split = buffer.indexOf('\n\n'); split >= 0; split = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, split);
            buffer = buffer.slice(split + 2);
            if (!block.includes('event: entry')) continue;
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            onEntry(JSON.parse(data) as StreamEntry);
          }
        });
        res.on('error', () => undefined);
        resolve({ close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
