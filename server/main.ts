import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import next from 'next';
import { getDb } from './db/client';
import { getEnv } from './env';
import { createApiHandler } from './http/apiHandler';
import { sendError } from './http/respond';
import { seedDemoOrg } from './seed/seedDemoOrg';

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
};

async function main() {
  const env = getEnv();
  const dev = process.argv.includes('--dev');
  // next-auth reads these two itself; they come from the parsed env, never hard-coded.
  process.env.NEXTAUTH_URL = env.publicUrl;
  process.env.NEXTAUTH_SECRET = env.nextAuthSecret;
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  const db = getDb();
  const seeded = await seedDemoOrg(db, { demoPassword: env.demoPassword });
  if (seeded.generatedPassword) {
    console.log(
      `\nDemo org "Acme" created. Sign in as admin@acme.test (or designer@, qa@, supervisor@, alice@, bob@acme.test)` +
        `\nwith the password: ${seeded.generatedPassword}\nIt is shown only this once.\n`,
    );
  }

  const nextApp = next({ dev, dir: root, hostname: env.host, port: env.port });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  const handleApi = createApiHandler({ db, version });

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/v1/')) return handleApi(req, res);
    handleNext(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Something went wrong.');
    });
  });
  if (dev) server.on('upgrade', nextApp.getUpgradeHandler());

  server.listen(env.port, env.host, () => {
    console.log(`Parley ${version} listening on ${env.publicUrl} (database ${env.databasePath})`);
  });

  const shutdown = () => {
    server.close(() => {
      db.$client.close();
      process.exit(0);
    });
    // Open SSE streams would hold close() forever.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
