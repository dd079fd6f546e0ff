import { expect, type Page, test } from '@playwright/test';
import { enableIdentity, identityToken, resetWebStore, setPrechatFields, signIn } from './helpers';

function chatOn(page: Page) {
  const window = page.getByRole('dialog', { name: 'Chat with us' });
  return {
    launcher: page.getByRole('button', { name: 'Chat with us' }),
    window,
    messages: window.getByRole('log', { name: 'Messages' }),
    messageBox: window.getByRole('textbox', { name: 'Message' }),
  };
}

test.describe('web widget: pre-chat form and verified customers', () => {
  // Each test drives the admin pages and one or two customer browsers, then restores settings.
  test.describe.configure({ timeout: 120_000 });

  test('asks a new customer the pre-chat questions, then starts the chat with the answers', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'admin@acme.test');
    await setPrechatFields(page, [
      { label: 'Your name', name: 'name', required: true },
      { label: 'Email', name: 'email', email: true },
    ]);

    const customer = await browser.newPage();
    try {
      await customer.goto('/demo/store');
      const chat = chatOn(customer);
      await chat.launcher.click();
      const prechat = chat.window.getByRole('form', {
        name: 'Before we start, tell us about you.',
      });
      await expect(prechat.getByLabel('Your name')).toBeFocused();
      await expect(chat.messageBox).toBeHidden();

      await prechat.getByRole('button', { name: 'Start chat' }).click();
      await expect(prechat.getByRole('alert')).toHaveText('Please fill in “Your name”.');
      await prechat.getByLabel('Your name').fill('Ada');
      await prechat.getByLabel('Email (optional)').fill('not-an-email');
      await prechat.getByRole('button', { name: 'Start chat' }).click();
      await expect(prechat.getByRole('alert')).toContainText('needs an email address');

      await prechat.getByLabel('Email (optional)').fill('ada@example.com');
      const startRequest = customer.waitForRequest(
        (request) => request.method() === 'POST' && request.url().endsWith('/conversations'),
      );
      await prechat.getByRole('button', { name: 'Start chat' }).click();
      expect((await startRequest).postDataJSON()).toMatchObject({
        prechat: { name: 'Ada', email: 'ada@example.com' },
      });
      await expect(prechat).toHaveCount(0);
      await expect(chat.messages.locator('.bubble').first()).toBeVisible();
      await expect(chat.messageBox).toBeFocused();

      await customer.reload();
      await chat.launcher.click();
      await expect(chat.messages.locator('.bubble').first()).toBeVisible();
      await expect(chat.window.getByRole('form', { name: /Before we start/ })).toHaveCount(0);
    } finally {
      await customer.close();
    }
  });

  test('a signed-in customer finds their conversation again on another device', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'admin@acme.test');
    const secret = await enableIdentity(page);
    const token = await identityToken(secret, {
      sub: 'user-1001',
      name: 'Jamie Rivera',
      email: 'jamie@example.com',
    });

    const laptop = await browser.newPage();
    const phone = await browser.newPage();
    try {
      await laptop.goto('/demo/store');
      await laptop.waitForFunction(() => window.Parley !== undefined);
      await laptop.evaluate((signed) => {
        window.Parley?.setIdentityTokenProvider(async () => signed);
      }, token);
      const onLaptop = chatOn(laptop);
      await onLaptop.launcher.click();
      await onLaptop.messageBox.fill('where is my order A1001?');
      await onLaptop.messageBox.press('Enter');
      await expect(onLaptop.messages).toContainText(/shipped/i);

      // The other device names its provider on the script tag, as a partner site would.
      await phone.route('**/partner-store', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><title>Partner store</title>
            <script>window.getParleyToken = async () => ${JSON.stringify(token)};</script>
            <script src="/widget.js" data-deployment="acme-web"
              data-identity-token-provider="getParleyToken"></script>`,
        }),
      );
      await phone.goto('/partner-store');
      const onPhone = chatOn(phone);
      await onPhone.launcher.click();
      await expect(onPhone.messages).toContainText('where is my order A1001?');
      await expect(onPhone.messages).toContainText(/shipped/i);
    } finally {
      await laptop.close();
      await phone.close();
    }
  });

  test.afterEach(({ browser }) => resetWebStore(browser));
});
