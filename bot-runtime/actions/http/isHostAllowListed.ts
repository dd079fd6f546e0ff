/**
 * Whether a deployment's allow-list names this host, letting it reach private addresses (an
 * intranet order service, a test server). Entries are host names or IP literals, compared
 * case-insensitively; `*.example.com` matches sub-domains of example.com, not example.com.
 */
export function isHostAllowListed(hostname: string, allowList: readonly string[]): boolean {
  const host = normaliseHost(hostname);
  return allowList.some((entry) => {
    const allowed = normaliseHost(entry);
    if (allowed.startsWith('*.')) return host.endsWith(allowed.slice(1));
    return host === allowed;
  });
}

/** Lower case, no brackets around IPv6 literals, no trailing dot of a fully qualified name. */
export function normaliseHost(hostname: string): string {
  const lower = hostname.trim().toLowerCase().replace(/\.$/, '');
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}
