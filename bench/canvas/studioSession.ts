import type { Page } from '@playwright/test';
import type { FlowDocument } from '../../bot-runtime/flow';

/** Signs in through the real form, so the session cookie is the one a designer gets. */
export async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/**
 * Creates a bot the way the studio's import button does (`bots.import` over tRPC, whose
 * transformer wraps values in `{ json }`), with the page's session cookie.
 */
export async function importBot(page: Page, base: string, flow: FlowDocument): Promise<string> {
  const response = await page.request.post(`${base}/api/trpc/bots.import`, {
    data: { json: { text: JSON.stringify(flow) } },
  });
  const body = await response.json();
  const id = body?.result?.data?.json?.id;
  if (!response.ok() || typeof id !== 'string') {
    throw new Error(`bots.import failed (${response.status()}): ${JSON.stringify(body)}`);
  }
  return id;
}
