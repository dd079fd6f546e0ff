import { Agent, request } from 'node:http';

export interface JsonResponse {
  status: number;
  body: unknown;
}

/**
 * JSON over keep-alive HTTP/1.1 for the load generator. node:http with a pooled agent is used
 * instead of fetch so that the socket count is explicit: one pooled socket per customer at most,
 * never a fresh TCP handshake per message.
 */
export function createHttpClient(base: string, maxSockets: number) {
  const { hostname, port } = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });

  function call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    timeoutMs = 30_000,
  ): Promise<JsonResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (token) headers.authorization = `Bearer ${token}`;
    return new Promise((resolve, reject) => {
      const req = request({ hostname, port, method, path, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  return { call, close: () => agent.destroy() };
}
