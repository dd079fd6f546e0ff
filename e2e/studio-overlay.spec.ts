import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { openEditor, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

// The web store's deployment: the demo bot's version 1 stays live there (another spec makes
// its own bot live on the mobile app's).
const DEPLOYMENT = 'acme-web';
const QUESTION = 'what are your opening hours?';
const CONVERSATIONS = 3;

/** A customer starts a conversation and asks one question, over the public API. */
async function askOpeningHours(request: APIRequestContext, index: number) {
  const started = await request.post(`/api/v1/deployments/${DEPLOYMENT}/conversations`, {
    data: {},
  });
  expect(started.status()).toBe(201);
  const { conversationId, accessToken } = (await started.json()) as {
    conversationId: string;
    accessToken: string;
  };
  const headers = { authorization: `Bearer ${accessToken}` };
  const sent = await request.post(`/api/v1/conversations/${conversationId}/messages`, {
    headers,
    data: { clientMessageId: `overlay-${index}`, text: QUESTION },
  });
  expect(sent.status()).toBe(201);
  const { entry } = (await sent.json()) as { entry: { seq: number } };
  // The bot's answer is in: its turn, and the turn's trace, are stored.
  await expect
    .poll(async () => {
      const response = await request.get(
        `/api/v1/conversations/${conversationId}/entries?after=${entry.seq}`,
        { headers },
      );
      const { entries } = (await response.json()) as { entries: { actor: { type: string } }[] };
      return entries.some((e) => e.actor.type === 'bot');
    })
    .toBe(true);
}

/** Opens the demo bot's editor and turns the overlay on; resolves once its counts are drawn. */
async function openOverlay(page: Page) {
  await page.goto('/studio');
  const editorUrl = await page.getByRole('link', { name: 'Customer support' }).getAttribute('href');
  await openEditor(page, editorUrl ?? '');
  const toggle = page.getByRole('button', { name: 'Analytics' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const bar = page.getByRole('region', { name: 'Analytics overlay' });
  await expect(bar.getByLabel('Version')).toHaveValue(/.+/);
  await expect(bar.getByRole('status')).not.toHaveText(/Loading|Counting/);
  await expect(page.getByTestId('flow-canvas')).toHaveAttribute('data-overlay', '');
  return bar;
}

/** The number an edge is labelled with. */
async function edgeCount(page: Page, edgeId: string): Promise<number> {
  const label = page.getByTestId(`rf__edge-${edgeId}`).locator('.react-flow__edge-text');
  await expect(label).toHaveText(/^\d+$/);
  return Number(await label.textContent());
}

test('a designer sees the conversations on the demo bot’s edges and reads a transcript through a node', async ({
  page,
  request,
}) => {
  await signIn(page, 'designer@acme.test');
  await openOverlay(page);
  // Whatever earlier tests left in this database: start → greeting, and the menu's
  // opening-hours edge.
  const before = { e1: await edgeCount(page, 'e1'), e23: await edgeCount(page, 'e23') };

  for (let i = 0; i < CONVERSATIONS; i++) await askOpeningHours(request, i);

  const bar = await openOverlay(page);
  await expect(bar.getByRole('status')).toContainText(/conversations? on version 1/);
  expect(await edgeCount(page, 'e1')).toBe(before.e1 + CONVERSATIONS);
  expect(await edgeCount(page, 'e23')).toBe(before.e23 + CONVERSATIONS);
  await expect(page.getByText('Ended badly', { exact: true })).toBeVisible();

  // The overlay shows the version read-only: nothing to publish, undo or auto-lay out.
  await expect(page.getByRole('button', { name: 'Publish…' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await page.getByTestId('flow-node-faqHours').click();
  const panel = page.getByRole('region', { name: 'Opening hours question' });
  await expect(panel.getByRole('row', { name: /Reached it/ })).toContainText(
    String(before.e23 + CONVERSATIONS),
  );
  const conversations = panel.getByRole('list').getByRole('button');
  await expect(conversations).toHaveCount(before.e23 + CONVERSATIONS);
  await conversations.first().click();
  const transcript = panel.getByRole('list', { name: 'Transcript' });
  await expect(transcript).toContainText(QUESTION);
  await expect(transcript).toContainText("Hi! I'm the Parley assistant.");

  // Escape closes the panel; the overlay stays on.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('flow-canvas')).toHaveAttribute('data-overlay', '');

  // From the keyboard: a node focused and Enter opens it again, Escape closes it.
  await page.getByTestId('rf__node-faqHours').focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  // Turned off, the draft is back, editable.
  await page.getByRole('button', { name: 'Analytics' }).click();
  await expect(page.getByRole('region', { name: 'Analytics overlay' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publish…' })).toBeVisible();
  await expect(page.getByTestId('rf__edge-e1').locator('.react-flow__edge-text')).toHaveCount(0);
});
