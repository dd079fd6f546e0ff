import { expect, type Page, test } from '@playwright/test';

const OFFER = 'Get a notification when we reply';

/** The chat on the demo store, which is served from Parley's own origin like its worker. */
function widget(page: Page) {
  const messages = page.getByRole('log', { name: 'Messages' });
  const dialog = page.getByRole('dialog', { name: 'Chat with us' });
  return {
    launcher: page.getByRole('button', { name: 'Chat with us' }),
    messages,
    messageBox: page.getByRole('textbox', { name: 'Message' }),
    offer: dialog.getByRole('group', { name: 'Notifications' }),
    note: dialog.locator('.push-note'),
    shippedAnswers: messages.locator('.row.bot', { hasText: /shipped/i }),
  };
}

async function openChat(page: Page) {
  const chat = widget(page);
  await page.goto('/demo/store');
  await chat.launcher.click();
  await expect(chat.messages.locator('.bubble').first()).toBeVisible();
  return chat;
}

async function say(page: Page, text: string) {
  const chat = widget(page);
  await chat.messageBox.fill(text);
  await chat.messageBox.press('Enter');
}

/** The offer, after the visitor's first message has been answered. */
async function offerAfterFirstMessage(page: Page) {
  const chat = await openChat(page);
  await expect(chat.messages).toContainText('Customer support');
  await expect(page.getByText(OFFER)).toHaveCount(0);
  await say(page, 'where is my order A1001?');
  await expect(chat.shippedAnswers).toHaveCount(1);
  await expect(chat.offer).toContainText(OFFER);
  return chat;
}

/** After "Order A1001 is shipped." the bot asks whether there is anything else. */
async function chatStillWorks(page: Page) {
  const chat = widget(page);
  await say(page, 'Yes');
  await expect(chat.messages.locator('.row.customer', { hasText: 'Yes' })).toHaveCount(1);
  await expect(chat.messages.locator('.row.bot').last()).toContainText(
    'What else can I do for you?',
  );
}

async function permission(page: Page) {
  return page.evaluate(() => Notification.permission);
}

test.describe('the web widget offers push notifications', () => {
  test('not on page load, only once the visitor has written, and "Not now" is remembered', async ({
    page,
  }) => {
    const chat = await openChat(page);
    await page.waitForLoadState('networkidle');
    await expect(page.getByText(OFFER)).toHaveCount(0);
    await say(page, 'where is my order A1001?');
    await expect(chat.offer).toContainText(OFFER);
    await expect(chat.offer.getByRole('button', { name: 'Turn on' })).toBeVisible();

    await chat.offer.getByRole('button', { name: 'Not now' }).click();
    await expect(chat.offer).toHaveCount(0);
    await page.reload();
    await chat.launcher.click();
    await chatStillWorks(page);
    await expect(page.getByText(OFFER)).toHaveCount(0);
    expect(await permission(page)).toBe('default');
  });

  test('permission refused: a calm note, and the chat goes on', async ({ context, page }) => {
    await context.clearPermissions();
    const chat = await offerAfterFirstMessage(page);
    await chat.offer.getByRole('button', { name: 'Turn on' }).click();
    await expect(chat.note).toHaveText('Notifications stay off. You can keep chatting here.');
    await expect(chat.offer).toHaveCount(0);
    await chatStillWorks(page);
  });

  test('permission granted but no push service reachable: it says so, and the chat goes on', async ({
    context,
    page,
  }) => {
    // Subscribing gives up after 20 s when the push service never answers.
    test.setTimeout(60_000);
    const chat = await offerAfterFirstMessage(page);
    await context.grantPermissions(['notifications']);
    expect(await permission(page)).toBe('granted');
    await chat.offer.getByRole('button', { name: 'Turn on' }).click();
    await expect(chat.note).toHaveText(
      'We could not turn notifications on. You can keep chatting here.',
      { timeout: 30_000 },
    );
    await chatStillWorks(page);
    const worker = await page.evaluate(async () => {
      const registrations = await navigator.serviceWorker.getRegistrations();
      return registrations.map((registration) => registration.scope);
    });
    expect(worker).toEqual([expect.stringMatching(/\/parley-push\/$/)]);
  });

  test('permission given on an earlier visit: nothing to offer, and the chat goes on', async ({
    context,
    page,
  }) => {
    await context.grantPermissions(['notifications']);
    const chat = await openChat(page);
    await say(page, 'where is my order A1001?');
    await expect(chat.shippedAnswers).toHaveCount(1);
    await chatStillWorks(page);
    await expect(page.getByText(OFFER)).toHaveCount(0);
    await expect(chat.note).toHaveCount(0);
  });
});
