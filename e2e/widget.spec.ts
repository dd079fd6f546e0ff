import { expect, type Page, test } from '@playwright/test';

/** The chat as a customer meets it on the demo store: a launcher, then a chat window. */
function widget(page: Page) {
  const messages = page.getByRole('log', { name: 'Messages' });
  return {
    launcher: page.getByRole('button', { name: 'Chat with us' }),
    window: page.getByRole('dialog', { name: 'Chat with us' }),
    messages,
    messageBox: page.getByRole('textbox', { name: 'Message' }),
    banner: page.getByRole('status').filter({ hasText: /reconnecting/i }),
    bubbles: (text: string) => messages.locator('.bubble', { hasText: text }),
  };
}

async function openChat(page: Page) {
  const chat = widget(page);
  await chat.launcher.click();
  await expect(chat.window).toBeVisible();
  await expect(chat.messages.locator('.bubble').first()).toBeVisible();
  return chat;
}

async function say(page: Page, text: string) {
  const chat = widget(page);
  await chat.messageBox.fill(text);
  await chat.messageBox.press('Enter');
}

test.describe('web widget on the demo store', () => {
  test('answers an order question and keeps the conversation across a reload', async ({ page }) => {
    await page.goto('/demo/store');
    await expect(page.getByRole('heading', { name: 'Questions about an order?' })).toBeVisible();
    const chat = await openChat(page);
    await expect(chat.messageBox).toBeFocused();
    await expect(chat.messages).toContainText('Customer support');

    await say(page, 'where is my order A1001?');
    await expect(chat.bubbles('where is my order A1001?')).toHaveCount(1);
    await expect(chat.messages).toContainText(/shipped/i);

    await page.keyboard.press('Escape');
    await expect(chat.window).toBeHidden();
    await expect(chat.launcher).toBeFocused();

    await page.reload();
    await openChat(page);
    await expect(chat.bubbles('where is my order A1001?')).toHaveCount(1);
    await expect(chat.messages).toContainText(/shipped/i);
  });

  test('chats on the demo store whichever host name reaches Parley', async ({ page, baseURL }) => {
    const otherHost = new URL(baseURL ?? '');
    otherHost.hostname = otherHost.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    await page.goto(new URL('/demo/store', otherHost).href);
    const chat = await openChat(page);
    await say(page, 'where is my order A1001?');
    await expect(chat.messages).toContainText(/shipped/i);
    await expect(chat.window).not.toContainText(/unavailable/i);
  });

  test('shows quick replies as buttons that answer the bot', async ({ page }) => {
    await page.goto('/demo/store');
    const chat = await openChat(page);
    const replies = chat.messages.getByRole('group', { name: 'Suggested replies' }).first();
    const firstReply = replies.getByRole('button').first();
    const label = (await firstReply.textContent()) ?? '';
    expect(label).not.toBe('');

    await firstReply.click();

    await expect(chat.messages.locator('.row.customer .bubble', { hasText: label })).toHaveCount(1);
    await expect(firstReply).toBeDisabled();
  });

  test('asks for a rating when the customer ends the chat, then offers a new one', async ({
    page,
  }) => {
    await page.goto('/demo/store');
    const chat = await openChat(page);

    await chat.window.getByRole('button', { name: 'End chat' }).click();
    await expect(chat.messages).toContainText('The conversation has ended');
    await expect(chat.messageBox).toBeDisabled();
    const rating = chat.window.getByRole('form', { name: 'Rate this conversation' });
    await rating.getByRole('button', { name: '5 out of 5' }).click();
    await rating.getByRole('textbox', { name: 'Comment (optional)' }).fill('Quick and clear');
    await rating.getByRole('button', { name: 'Send rating' }).click();
    await expect(chat.window.getByText('Thank you for your feedback!')).toBeVisible();

    await page.reload();
    await openChat(page);
    await expect(chat.messages).toContainText('You rated this conversation 5 out of 5');
    await expect(chat.window.getByRole('form', { name: 'Rate this conversation' })).toHaveCount(0);

    await chat.window.getByRole('button', { name: 'Start a new conversation' }).click();
    await expect(chat.messageBox).toBeEnabled();
    await expect(chat.messages).not.toContainText('The conversation has ended');
    await expect(chat.messages.locator('.bubble').first()).toBeVisible();
  });

  test('delivers a message sent while the network is down exactly once', async ({ page }) => {
    await page.goto('/demo/store');
    const chat = await openChat(page);

    await page.route('**/api/v1/**', (route) => route.abort());
    await say(page, 'where is my order A1002?');
    await expect(chat.banner).toHaveText('Connection lost — reconnecting…');
    await expect(chat.messages.getByText('Sending…')).toBeVisible();

    await page.unroute('**/api/v1/**');
    await expect(chat.messages).toContainText(/processing/i, { timeout: 20_000 });
    await expect(chat.banner).toHaveCount(0);
    await expect(chat.messages.getByText('Sending…')).toHaveCount(0);
    await expect(chat.bubbles('where is my order A1002?')).toHaveCount(1);

    const stored = await page.evaluate(async () => {
      const saved = JSON.parse(localStorage.getItem('parley:acme-web:conversation') ?? '{}');
      const res = await fetch(
        `/api/v1/conversations/${saved.conversationId}/entries?after=0&limit=200`,
        { headers: { authorization: `Bearer ${saved.accessToken}` } },
      );
      const body = (await res.json()) as { entries: { payload: { text?: string } }[] };
      return body.entries.filter((e) => e.payload.text === 'where is my order A1002?').length;
    });
    expect(stored).toBe(1);

    await page.reload();
    await openChat(page);
    await expect(chat.messages).toContainText(/processing/i);
    await expect(chat.bubbles('where is my order A1002?')).toHaveCount(1);
  });

  test('says plainly when the deployment refuses the chat, instead of retrying forever', async ({
    page,
  }) => {
    await page.route('**/embed-test', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Partner site</title><script src="/widget.js" data-deployment="no-such-deployment"></script>',
      }),
    );
    await page.goto('/embed-test');
    const chat = widget(page);
    await chat.launcher.click();
    await expect(chat.window.getByRole('status')).toContainText(
      'Chat is unavailable: No deployment "no-such-deployment".',
    );
  });
});
