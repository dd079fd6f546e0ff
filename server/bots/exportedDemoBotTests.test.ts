import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { bots, orgs } from '../db/schema';
import { seedDemoOrg } from '../seed/seedDemoOrg';
import { useTestDb } from '../testing/testDb';
import { exportBot } from './botTransfer';

/*
 * What a team does in its own CI: export the bot from the studio, then run `bot-test` on the
 * file. The demo bot, as a new installation seeds it, must pass.
 */

const directory = mkdtempSync(join(tmpdir(), 'parley-exported-bot-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function botTest(file: string): Promise<{ status: number; stdout: string }> {
  const command = ['--import', 'tsx', 'bot-runtime/botTests/cli.ts', file];
  return new Promise((resolve) => {
    execFile(process.execPath, command, { timeout: 60_000 }, (error, stdout) => {
      resolve({ status: error ? Number(error.code) : 0, stdout });
    });
  });
}

describe('the exported demo bot', () => {
  const openDb = useTestDb();

  it('passes its own test cases on the command line', async () => {
    const db = openDb();
    await seedDemoOrg(db, { demoPassword: 'exported-bot-password' });
    const org = db.select().from(orgs).get();
    const bot = db
      .select()
      .from(bots)
      .where(and(eq(bots.orgId, org?.id ?? ''), eq(bots.name, 'Customer support')))
      .get();
    const exported = exportBot(db, org?.id ?? '', bot?.id ?? '');
    const file = join(directory, exported.fileName);
    writeFileSync(file, JSON.stringify(exported.document, null, 2));

    const run = await botTest(file);
    expect(run.stdout).toMatch(/Customer support: 12 passed, 0 failed, 12 test cases/);
    expect(run.status).toBe(0);
  });
});
