import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { AREA_ROLES, PAGE_ROLES, type StaffArea } from '../server/auth/roles';
import { STAFF_ROLES, type StaffRole } from '../server/db/enums';
import { signIn } from './helpers';

const APP = fileURLToPath(new URL('../app', import.meta.url));
const AREA_LABELS: Record<StaffArea, string> = {
  studio: 'Studio',
  console: 'Console',
  admin: 'Admin',
  reports: 'Reports',
};
/** A demo staff member of each role. */
const DEMO_STAFF: Record<StaffRole, string> = {
  admin: 'admin@acme.test',
  designer: 'designer@acme.test',
  supervisor: 'supervisor@acme.test',
  agent: 'alice@acme.test',
  qa: 'qa@acme.test',
};
/**
 * The demo record a dynamic segment stands for: its link on the list page that leads to it,
 * whose address gives the segment its value.
 */
const DEMO_RECORDS: Record<string, { list: string; link: string }> = {
  'bots/[botId]': { list: '/studio', link: 'Customer support' },
  'deployments/[id]': { list: '/admin/deployments', link: 'Acme web store' },
  'queues/[id]': { list: '/admin/routing/queues', link: 'Orders' },
};

interface StaffPage {
  area: StaffArea;
  /** The route as the app folder spells it: `/studio/bots/[botId]/intents`. */
  route: string;
}

/**
 * Every page of the staff areas, read from the app folder: each route group there must be an
 * area the roles table names, so a page in a new area fails here until the table says who
 * may enter it.
 */
function staffPages(): StaffPage[] {
  const groups = readdirSync(APP, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\(.+\)$/.test(entry.name))
    .map((entry) => entry.name.slice(1, -1));
  expect(groups.sort(), 'route groups under app/ against AREA_ROLES').toEqual(
    Object.keys(AREA_ROLES).sort(),
  );
  return groups.flatMap((group) =>
    (readdirSync(path.join(APP, `(${group})`), { recursive: true }) as string[])
      .filter((file) => path.basename(file) === 'page.tsx')
      .map((file) => ({
        area: group as StaffArea,
        route: `/${path.dirname(file).split(path.sep).join('/')}`,
      })),
  );
}

const PAGES = staffPages();

/** The route with each dynamic segment replaced by a demo record's id. */
async function addressOf(page: Page, route: string): Promise<string> {
  let address = route;
  for (const [, segment] of route.matchAll(/([^/]+\/\[[^\]]+\])/g)) {
    const record = segment ? DEMO_RECORDS[segment] : undefined;
    if (!record) throw new Error(`Name a demo record for ${segment} in DEMO_RECORDS.`);
    await page.goto(record.list);
    const href = await page
      .getByRole('link', { name: record.link, exact: true })
      .getAttribute('href');
    const id = href?.split('/').at(-1);
    if (!id) throw new Error(`No link to ${record.link} on ${record.list}`);
    address = address.replace(/\[[^\]]+\]/, id);
  }
  return address;
}

test.describe('every staff page, for everyone, as the roles table says', () => {
  const addresses = new Map<string, string>();

  test.beforeAll(async ({ browser }) => {
    const admin = await browser.newPage();
    await signIn(admin, DEMO_STAFF.admin);
    for (const { route } of PAGES) addresses.set(route, await addressOf(admin, route));
    await admin.close();
  });

  test('signed out: every staff page sends the visitor to sign in', async ({ page }) => {
    for (const { area, route } of PAGES) {
      await page.goto(addresses.get(route) ?? route);
      await expect(page, route).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2F${area}$`));
    }
  });

  for (const role of STAFF_ROLES) {
    test(`${role}: each page shows itself or says the role has no access`, async ({ page }) => {
      await signIn(page, DEMO_STAFF[role]);
      for (const { area, route } of PAGES) {
        await page.goto(addresses.get(route) ?? route);
        const heading = page.getByRole('main').getByRole('heading', { level: 1 }).first();
        const narrower = PAGE_ROLES[route];
        const inArea = (AREA_ROLES[area] as readonly StaffRole[]).includes(role);
        const refusal = `You don’t have access to ${
          inArea && narrower ? narrower.label : AREA_LABELS[area]
        }`;
        if (inArea && (narrower?.roles ?? [role]).includes(role)) {
          await expect(heading, route).toHaveText(/^(?!You don’t have access)\S/);
        } else {
          await expect(heading, route).toHaveText(refusal);
        }
      }
    });
  }
});
