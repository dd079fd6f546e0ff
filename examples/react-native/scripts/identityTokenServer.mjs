// Stands in for your app's backend: it signs an identity token for the signed-in user with the
// deployment's identity-verification secret (HS256), which must never ship inside the app.
//
//   PARLEY_IDENTITY_SECRET=... node scripts/identityTokenServer.mjs   # listens on :4100
//
// GET /parley-token?sub=<user id>&name=<display name> answers the token as text.
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

const base64url = (value) => Buffer.from(value).toString('base64url');

/** A JWT Parley accepts for `sub`, valid for `ttlSeconds`. */
export function signIdentityToken(claims, secret, ttlSeconds = 300) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify({ ...claims, iat: now, exp: now + ttlSeconds }));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** Starts the token endpoint; resolves to its URL and how to stop it. */
export async function startIdentityTokenServer({ secret, port = 0, host = '0.0.0.0', ttlSeconds }) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const sub = url.searchParams.get('sub');
    if (url.pathname !== '/parley-token' || !sub) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('GET /parley-token?sub=...');
      return;
    }
    const name = url.searchParams.get('name') ?? undefined;
    res
      .writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' })
      .end(signIdentityToken(name ? { sub, name } : { sub }, secret, ttlSeconds));
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/parley-token`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const secret = process.env.PARLEY_IDENTITY_SECRET;
  if (!secret) {
    console.error("Set PARLEY_IDENTITY_SECRET to the deployment's identity-verification secret.");
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 4100);
  const { url } = await startIdentityTokenServer({ secret, port });
  console.log(`Identity tokens at ${url.replace('127.0.0.1', "<this computer's LAN address>")}`);
}
