import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { errorAlert, signIn } from './helpers';

test.use({ viewport: { width: 1400, height: 1000 } });

const PREFIX = 'e2e-reports-';
/** A week of March 2025: before the server started, so no other spec's conversation is in it. */
const WEEK = 'range=custom&from=2025-03-03&to=2025-03-09';

type Spec = {
  id: string;
  deployment: 'acme-app' | 'acme-web';
  day: string;
  endedBy: 'bot' | 'customer' | 'agent';
  csat?: number;
  /** Handed to Alice in the Orders queue: asked at +1 min, accepted +2, answered +3, ended +12. */
  handedOff?: boolean;
};

/**
 * Five conversations at noon UTC (the same day in any zone the demo org could be in):
 *   mobile app: contained (CSAT 5), abandoned mid-bot, handed to Alice (CSAT 2);
 *   web store:  contained (CSAT 4), contained.
 * All: 5 conversations, 3 contained (60.0%), CSAT (5 + 2 + 4) / 3 = 3.67.
 * In-app: 3 conversations, 1 contained (33.3%), CSAT 3.50.
 *
 * Written straight into the server's database, as Admin → Deployments' push spec does: the
 * public API can only start conversations now, and now is shared with every other spec.
 */
const CONVERSATIONS: Spec[] = [
  { id: 'a1', deployment: 'acme-app', day: '2025-03-04', endedBy: 'bot', csat: 5 },
  { id: 'a2', deployment: 'acme-app', day: '2025-03-05', endedBy: 'customer' },
  {
    id: 'a3',
    deployment: 'acme-app',
    day: '2025-03-06',
    endedBy: 'agent',
    csat: 2,
    handedOff: true,
  },
  { id: 'w1', deployment: 'acme-web', day: '2025-03-05', endedBy: 'bot', csat: 4 },
  { id: 'w2', deployment: 'acme-web', day: '2025-03-07', endedBy: 'bot' },
];

function openServerDb() {
  const db = new Database(path.join(process.env.E2E_DATA_DIR ?? '.e2e-data', 'parley.db'));
  db.pragma('busy_timeout = 5000');
  // Deleting a conversation deletes its work item, entry and CSAT answer with it.
  db.pragma('foreign_keys = ON');
  return db;
}

/** The specs after this one find the demo org as it was. */
function removeConversations() {
  const db = openServerDb();
  db.prepare('delete from messaging_sessions where id like ?').run(`${PREFIX}%`);
  db.close();
}

function seedConversations() {
  const db = openServerDb();
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const alice = one<{ id: string; org_id: string }>(
    "select id, org_id from staff_users where email = 'alice@acme.test'",
  );
  const orders = one<{ id: string }>(
    "select id from queues where org_id = ? and name = 'Orders'",
    alice.org_id,
  );
  const minutes = (day: string, n: number) => Date.parse(`${day}T12:00:00Z`) + n * 60_000;
  db.transaction(() => {
    db.prepare('delete from messaging_sessions where id like ?').run(`${PREFIX}%`);
    for (const c of CONVERSATIONS) {
      const deployment = one<{ id: string; channel: string }>(
        'select id, channel from deployments where public_id = ?',
        c.deployment,
      );
      const id = `${PREFIX}${c.id}`;
      db.prepare(
        `insert into messaging_sessions
           (id, org_id, deployment_id, channel, status, agent_type, agent_id, created_at,
            accepted_at, ended_at, ended_by)
         values (?, ?, ?, ?, 'ended', ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        alice.org_id,
        deployment.id,
        deployment.channel,
        c.handedOff ? 'bot_to_agent' : 'bot',
        c.handedOff ? alice.id : null,
        minutes(c.day, 0),
        c.handedOff ? minutes(c.day, 2) : null,
        minutes(c.day, c.handedOff ? 12 : 5),
        c.endedBy,
      );
      if (c.handedOff) {
        db.prepare(
          `insert into work_items
             (id, org_id, session_id, queue_id, status, asked_at, accepted_by, accepted_at,
              completed_at, handoff, created_at)
           values (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?)`,
        ).run(
          `${id}-item`,
          alice.org_id,
          id,
          orders.id,
          minutes(c.day, 1),
          alice.id,
          minutes(c.day, 2),
          minutes(c.day, 12),
          JSON.stringify({ intent: 'order_status', nodeId: 'handoff' }),
          minutes(c.day, 1),
        );
        db.prepare(
          `insert into conversation_entries
             (id, org_id, session_id, seq, actor_type, actor_id, entry_type, payload, created_at)
           values (?, ?, ?, 1, 'agent', ?, 'text', '{"text":"Hello"}', ?)`,
        ).run(`${id}-entry`, alice.org_id, id, alice.id, minutes(c.day, 3));
      }
      if (c.csat) {
        db.prepare(
          `insert into csat_responses (id, org_id, session_id, score, created_at)
           values (?, ?, ?, ?, ?)`,
        ).run(`${id}-csat`, alice.org_id, id, c.csat, minutes(c.day, 6));
      }
    }
  })();
  db.close();
}

const stat = (page: Page, label: string) =>
  page.getByRole('group', { name: label, exact: true }).getByTestId('stat-value');

test.beforeAll(seedConversations);
test.afterAll(removeConversations);

test('a supervisor reads the seeded week, narrows it to a channel and exports a table', async ({
  page,
}) => {
  await signIn(page, 'supervisor@acme.test');
  await page.goto('/reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await page.getByLabel('Range').selectOption('custom');
  await page.getByLabel('First day').fill('2025-03-03');
  await page.getByLabel('Last day').fill('2025-03-09');
  await expect(page).toHaveURL(/range=custom&from=2025-03-03&to=2025-03-09/);

  await expect(stat(page, 'Conversations')).toHaveText('5');
  await expect(stat(page, 'Deflection rate')).toHaveText('60.0%');
  await expect(stat(page, 'Average CSAT')).toHaveText('3.67');
  await expect(stat(page, 'Average handle time')).toHaveText('10m 00s');
  await expect(page.getByTestId('report-range')).toContainText('from 2025-03-03 to 2025-03-09');

  // The definition behind a figure, from the keyboard.
  const help = page.getByRole('button', { name: 'How Deflection rate is counted' });
  await help.focus();
  await page.keyboard.press('Enter');
  await expect(help).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('note', { name: 'Deflection rate: definition' })).toContainText(
    'Contained conversations out of all conversations in the report.',
  );
  await page.keyboard.press('Escape');
  await expect(help).toHaveAttribute('aria-expanded', 'false');
  await expect(help).toBeFocused();

  // A table sorts by a header, and its CSV is the table as shown.
  const byDeployment = page.getByRole('table', { name: 'By deployment' });
  await expect(byDeployment.getByRole('row')).toHaveText([
    /Deployment.*Conversations/,
    /Acme mobile app\s*3/,
    /Acme web store\s*2/,
  ]);
  const deploymentHeader = byDeployment.getByRole('columnheader', { name: 'Deployment' });
  await deploymentHeader.getByRole('button').press('Enter');
  await expect(deploymentHeader).toHaveAttribute('aria-sort', 'ascending');
  await deploymentHeader.getByRole('button').press('Enter');
  await expect(deploymentHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(byDeployment.getByRole('row').nth(1)).toHaveText(/Acme web store/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV: By deployment' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(
    'conversations-by-deployment-2025-03-03-to-2025-03-09.csv',
  );
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toBe('\uFEFFDeployment,Conversations\r\nAcme web store,2\r\nAcme mobile app,3\r\n');

  // One channel: the figures change, and the view is in the URL to share.
  await page.getByRole('combobox', { name: 'Channel' }).selectOption('in_app');
  await expect(page).toHaveURL(/channel=in_app/);
  await expect(stat(page, 'Conversations')).toHaveText('3');
  await expect(stat(page, 'Deflection rate')).toHaveText('33.3%');
  await expect(stat(page, 'Average CSAT')).toHaveText('3.50');
  const shared = page.url();
  await page.goto('/reports');
  await page.goto(shared);
  await expect(page.getByRole('combobox', { name: 'Channel' })).toHaveValue('in_app');
  await expect(stat(page, 'Deflection rate')).toHaveText('33.3%');

  // By week: the whole week in one bar and one row.
  await page.getByRole('button', { name: 'By week' }).click();
  await expect(page).toHaveURL(/period=week/);
  await expect(
    page.getByRole('table', { name: 'Conversations by week' }).getByRole('row'),
  ).toHaveText([/Week starting/, /2025-03-03\s*3/]);
});

test('a range with no conversations says so, and a backwards range says what to fix', async ({
  page,
}) => {
  await signIn(page, 'supervisor@acme.test');
  await page.goto('/reports?range=custom&from=2024-01-01&to=2024-01-07');
  await expect(
    page
      .getByRole('region', { name: 'Conversations' })
      .getByText('No conversations started in this range.'),
  ).toBeVisible();
  await page.goto(`/reports?${WEEK.replace('to=2025-03-09', 'to=2025-03-01')}`);
  await expect(errorAlert(page)).toContainText('The first day must not come after the last day.');
});

test('an agent is refused the Reports area', async ({ page }) => {
  await signIn(page, 'alice@acme.test');
  await page.goto('/reports');
  await expect(
    page.getByRole('heading', { name: /You don’t have access to Reports/ }),
  ).toBeVisible();
});
