// Types of identityTokenServer.mjs, for the example's tests.
export function signIdentityToken(
  claims: { sub: string; name?: string },
  secret: string,
  ttlSeconds?: number,
): string;
export function startIdentityTokenServer(options: {
  secret: string;
  port?: number;
  host?: string;
  ttlSeconds?: number;
}): Promise<{ url: string; close: () => Promise<void> }>;
