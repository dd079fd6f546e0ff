import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { ActionError } from '../../../bot-runtime/actions/actionError';
import {
  admitsRange,
  blockedAddress,
  checkOutboundUrl,
  type OutboundAccess,
} from '../../../bot-runtime/actions/http/checkOutboundUrl';
import { classifyAddress } from '../../../bot-runtime/actions/http/classifyAddress';
import type { OutboundRequest, OutboundResponse } from '../../../bot-runtime/actions/types';

export interface GuardedFetchOptions {
  /** Hosts that may reach private addresses, e.g. an intranet order service. */
  allowHosts?: readonly string[];
  /** Origins the installation itself serves, such as its own demo endpoints: any address. */
  trustedOrigins?: readonly string[];
  /** Resolves a host name to every address; defaults to the system resolver. */
  resolveHost?: (hostname: string) => Promise<LookupAddress[]>;
  defaultTimeoutMs?: number;
  /** Upper bound for `request.timeoutMs`, whatever the flow asks for. */
  maxTimeoutMs?: number;
  maxResponseBytes?: number;
  /**
   * Certificates to trust instead of the system's, for a caller that talks to its own test
   * servers; such a fetch gets connection pools of its own.
   */
  ca?: string | Buffer;
}

/** A bot action's request, or a caller's with a binary body (an encrypted push message). */
export type GuardedRequest = Omit<OutboundRequest, 'body'> & { body?: string | Uint8Array };

export type GuardedFetch = (
  request: GuardedRequest,
  signal?: AbortSignal,
) => Promise<OutboundResponse>;

/**
 * Outbound HTTP for bot actions, safe against server-side request forgery: a URL may not name
 * a private, loopback, link-local or otherwise reserved address, and a host name may not
 * resolve to one, unless the host is allow-listed. Every address is checked inside the
 * connection's own DNS lookup, so the address checked is the address connected to and a DNS
 * answer that changes between check and connect (rebinding) cannot slip through. Redirects are
 * not followed, the whole exchange has a deadline and the response a size cap. Failures are
 * `ActionError`s with an `OUTBOUND_*` code.
 */
export function createGuardedFetch(options: GuardedFetchOptions = {}): GuardedFetch {
  const settings = {
    allowHosts: options.allowHosts ?? [],
    trustedOrigins: options.trustedOrigins ?? [],
    resolveHost: options.resolveHost ?? resolveWithSystem,
    defaultTimeoutMs: options.defaultTimeoutMs ?? 10_000,
    maxTimeoutMs: options.maxTimeoutMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? 1024 * 1024,
  };
  const pools = options.ca === undefined ? sharedPools : createPools(options.ca);
  return async (request, signal) => {
    const target = checkOutboundUrl(request.url, settings.allowHosts, settings.trustedOrigins);
    const timeoutMs = Math.min(
      request.timeoutMs ?? settings.defaultTimeoutMs,
      settings.maxTimeoutMs,
    );
    const lookup = checkedLookup(settings.resolveHost, (hostname, address) => {
      const verdict = classifyAddress(address);
      if (verdict?.public) return null;
      const range = verdict?.range ?? 'unrecognised';
      return admitsRange(target.access, range) ? null : blockedAddress(hostname, address, range);
    });
    return exchange(target.url, request, {
      lookup,
      timeoutMs,
      signal,
      agent: pools[target.url.protocol === 'https:' ? 'https:' : 'http:'][target.access],
      ...settings,
    });
  };
}

function resolveWithSystem(hostname: string): Promise<LookupAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/**
 * A `lookup` for node's sockets that resolves every address of a name and refuses them all if
 * any one is refused, so it does not matter which of them the socket would pick.
 */
function checkedLookup(
  resolveHost: (hostname: string) => Promise<LookupAddress[]>,
  refuse: (hostname: string, address: string) => ActionError | null,
): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolveHost(hostname).then(
      (resolved) => {
        const wanted = familyNumber(lookupOptions.family);
        const addresses = resolved.filter(({ family }) => !wanted || family === wanted);
        const refusal = addresses
          .map(({ address }) => refuse(hostname, address))
          .find((error) => error !== null);
        const [first] = addresses;
        if (refusal) return callback(refusal, '', 0);
        if (!first) return callback(dnsFailure(hostname), '', 0);
        if (lookupOptions.all) return callback(null, addresses);
        callback(null, first.address, first.family);
      },
      () => callback(dnsFailure(hostname), '', 0),
    );
  };
}

// These describe the connection itself, which is ours to set, not the flow's.
const connectionHeaders = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'proxy-connection',
]);

function familyNumber(family: number | string | undefined): number {
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return typeof family === 'number' ? family : 0;
}

/**
 * Keep-alive pools, kept apart by how a connection's address was admitted: a socket is only
 * reused by a request with the same access, which would have admitted the same address, so
 * reuse skips no check. Opening a connection per call made order lookups wait
 * in the server's accept queue under load.
 */
type Pools = Record<'http:' | 'https:', Record<OutboundAccess, http.Agent>>;

function createPools(ca?: string | Buffer): Pools {
  const httpsAgent = () => new https.Agent({ ...keepAliveOptions, ...(ca ? { ca } : {}) });
  const httpAgent = () => new http.Agent(keepAliveOptions);
  return {
    'http:': { checked: httpAgent(), allowListed: httpAgent(), trusted: httpAgent() },
    'https:': { checked: httpsAgent(), allowListed: httpsAgent(), trusted: httpsAgent() },
  };
}

const keepAliveOptions: http.AgentOptions = {
  keepAlive: true,
  keepAliveMsecs: 1_000,
  maxSockets: 64,
  timeout: 30_000,
};

const sharedPools = createPools();

interface ExchangeOptions {
  agent: http.Agent;
  lookup: LookupFunction;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  maxResponseBytes: number;
}

function exchange(
  url: URL,
  request: GuardedRequest,
  options: ExchangeOptions,
): Promise<OutboundResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(aborted());
    const headers: Record<string, string> = { 'user-agent': 'Parley-Bot' };
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!connectionHeaders.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    }
    if (request.body !== undefined) {
      headers['content-length'] = String(Buffer.byteLength(request.body));
    }
    let outgoing: http.ClientRequest;
    try {
      outgoing = (url.protocol === 'https:' ? https : http).request(url, {
        method: request.method,
        headers,
        lookup: options.lookup,
        agent: options.agent,
      });
    } catch (error) {
      return reject(
        new ActionError(
          'OUTBOUND_INVALID_REQUEST',
          `The request is not valid: ${errorText(error)}`,
        ),
      );
    }

    let settled = false;
    const finish = (error: ActionError | null, response?: OutboundResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) {
        outgoing.destroy();
        reject(error);
      } else if (response) {
        resolve(response);
      }
    };
    const timer = setTimeout(
      () =>
        finish(
          new ActionError(
            'OUTBOUND_TIMEOUT',
            `No complete answer within ${options.timeoutMs} ms.`,
            {
              timeoutMs: options.timeoutMs,
            },
          ),
        ),
      options.timeoutMs,
    );
    const onAbort = () => finish(aborted());
    options.signal?.addEventListener('abort', onAbort, { once: true });

    outgoing.on('error', (error) => finish(connectionFailure(url, error)));
    outgoing.on('response', (incoming) => {
      const declaredLength = Number(incoming.headers['content-length'] ?? 0);
      if (declaredLength > options.maxResponseBytes)
        return finish(tooLarge(options.maxResponseBytes));
      const chunks: Buffer[] = [];
      let received = 0;
      incoming.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxResponseBytes) return finish(tooLarge(options.maxResponseBytes));
        chunks.push(chunk);
      });
      incoming.on('error', (error) => finish(connectionFailure(url, error)));
      incoming.on('end', () =>
        finish(null, {
          status: incoming.statusCode ?? 0,
          headers: flattenHeaders(incoming.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    outgoing.end(request.body);
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function connectionFailure(url: URL, error: unknown): ActionError {
  if (error instanceof ActionError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return dnsFailure(url.hostname);
  return new ActionError(
    'OUTBOUND_CONNECTION_FAILED',
    `Could not talk to ${url.host}: ${errorText(error)}`,
    { host: url.host, ...(code ? { errno: code } : {}) },
  );
}

function dnsFailure(hostname: string): ActionError {
  return new ActionError('OUTBOUND_DNS_FAILED', `The host ${hostname} could not be found.`, {
    hostname,
  });
}

function tooLarge(maxResponseBytes: number): ActionError {
  return new ActionError(
    'OUTBOUND_RESPONSE_TOO_LARGE',
    `The answer is larger than ${maxResponseBytes} bytes.`,
    { maxResponseBytes },
  );
}

function aborted(): ActionError {
  return new ActionError('OUTBOUND_ABORTED', 'The request was cancelled.');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
