import { ActionError } from '../actionError';
import { classifyAddress } from './classifyAddress';
import { isHostAllowListed, normaliseHost } from './isHostAllowListed';

/**
 * How far a request's addresses are trusted: `trusted` for the installation's own origins (the
 * operator's choice: everything but cloud metadata), `allowListed` for hosts on the deployment's
 * allow-list (an org admin's choice: private networks, never this machine, link-local or cloud
 * metadata, so one org cannot reach what the installation runs beside), `checked` for the rest
 * (public addresses only).
 */
export type OutboundAccess = 'trusted' | 'allowListed' | 'checked';

export interface OutboundTarget {
  url: URL;
  /** Without IPv6 brackets, lower case. */
  hostname: string;
  access: OutboundAccess;
}

/** Ranges no deployment allow-list opens; matched at the end, so `IPv4-mapped loopback` too. */
const OPERATOR_ONLY_RANGES = [
  'loopback',
  'link-local',
  'cloud metadata',
  'this network',
  'unspecified',
];

function isCloudMetadata(range: string): boolean {
  return range.endsWith('cloud metadata');
}

export function isOperatorOnlyRange(range: string): boolean {
  return OPERATOR_ONLY_RANGES.some((name) => range.endsWith(name));
}

/** Whether a request with this access may connect to an address of the non-public `range`. */
export function admitsRange(access: OutboundAccess, range: string): boolean {
  if (access === 'trusted') return !isCloudMetadata(range);
  if (access === 'allowListed') return !isOperatorOnlyRange(range);
  return false;
}

/**
 * The checks an outbound URL must pass before any connection: http or https, no credentials
 * in the URL (they would end up in traces), and no IP literal its access does not admit. Host
 * names are checked later, on every address they resolve to.
 */
export function checkOutboundUrl(
  rawUrl: string,
  allowList: readonly string[],
  trustedOrigins: readonly string[] = [],
): OutboundTarget {
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
  const access: OutboundAccess = trustedOrigins.includes(url.origin)
    ? 'trusted'
    : isHostAllowListed(hostname, allowList)
      ? 'allowListed'
      : 'checked';
  const literal = classifyAddress(hostname);
  if (literal && !literal.public && !admitsRange(access, literal.range)) {
    throw blockedAddress(hostname, hostname, literal.range);
  }
  return { url, hostname, access };
}

export function blockedAddress(hostname: string, address: string, range: string): ActionError {
  const remedy = isCloudMetadata(range)
    ? 'Bot actions never reach such addresses.'
    : isOperatorOnlyRange(range)
      ? "A deployment's allow-list cannot open such addresses; only origins the installation's operator trusts reach them."
      : "Add the host to the deployment's allow-list if it is meant to be reached.";
  return new ActionError(
    'OUTBOUND_ADDRESS_BLOCKED',
    `Requests to ${hostname} are not allowed: ${address} is a ${range} address. ${remedy}`,
    { hostname, address, range },
  );
}
