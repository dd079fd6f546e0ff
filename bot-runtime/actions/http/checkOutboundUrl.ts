import { ActionError } from '../actionError';
import { classifyAddress } from './classifyAddress';
import { isHostAllowListed, normaliseHost } from './isHostAllowListed';

export interface OutboundTarget {
  url: URL;
  /** Without IPv6 brackets, lower case. */
  hostname: string;
  /** On the deployment's allow-list: its addresses are not checked. */
  allowListed: boolean;
}

/**
 * The checks an outbound URL must pass before any connection: http or https, no credentials
 * in the URL (they would end up in traces), and no private or reserved IP literal unless the
 * host is allow-listed. Host names are checked later, on every address they resolve to.
 */
export function checkOutboundUrl(rawUrl: string, allowList: readonly string[]): OutboundTarget {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new ActionError('OUTBOUND_INVALID_URL', 'The URL is not valid.', { url: rawUrl });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ActionError('OUTBOUND_INVALID_URL', 'Only http and https URLs are allowed.', {
      protocol: url.protocol,
    });
  }
  if (url.username !== '' || url.password !== '') {
    throw new ActionError(
      'OUTBOUND_INVALID_URL',
      'Credentials in the URL are not allowed; send them in a header from a secret.',
    );
  }
  const hostname = normaliseHost(url.hostname);
  const allowListed = isHostAllowListed(hostname, allowList);
  const literal = classifyAddress(hostname);
  if (literal && !literal.public && !allowListed) {
    throw blockedAddress(hostname, hostname, literal.range);
  }
  return { url, hostname, allowListed };
}

export function blockedAddress(hostname: string, address: string, range: string): ActionError {
  return new ActionError(
    'OUTBOUND_ADDRESS_BLOCKED',
    `Requests to ${hostname} are not allowed: ${address} is a ${range} address. Add the host to the deployment's allow-list if it is meant to be reached.`,
    { hostname, address, range },
  );
}
