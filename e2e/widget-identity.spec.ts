import { expect, type Page, test } from '@playwright/test';
import { SignJWT } from 'jose';
import { signIn } from './helpers';

/** The web store deployment's admin page, where its identity and pre-chat settings live. */
async function openWebStoreDeployment(page: Page) {
  await page.goto('/admin/deployments');
  await page.getByRole('link', { name: 'Acme web store' }).click();
  await expect(page.getByRole('heading', { name: 'Acme web store' })).toBeVisible();
}

async function setPrechatFields(
  page: Page,
  fields: { label: string; name: string; email?: boolean; required?: boolean }[],
) {
  await openWebStoreDeployment(page);
  const form = page.getByRole('form', { name: 'Pre-chat fields' });
  // The fields load after the page; removing "all" before they arrive would remove none.
  await expect(form).toBeVisible();
  const remove = form.getByRole('button', { name: /^Remove field/ });
  while ((await remove.count()) > 0) await remove.first().click();
  for (const [index, field] of fields.entries()) {
    await form.getByRole('button', { name: 'Add field' }).click();
    const row = form.getByRole('group', { name: `Field ${index + 1}` });
    await row.getByLabel('Label').fill(field.label);
    await row.getByLabel('Name').fill(field.name);
    if (field.email) await row.getByLabel('Type').selectOption('email');
    if (field.required) await row.getByLabel('Required').check();
  }
  await form.getByRole('button', { name: 'Save pre-chat form' }).click();
  await expect(form.getByRole('status')).toHaveText('Pre-chat form saved.');
}

/** Turns optional identity verification on and returns the new signing secret. */
async function enableIdentity(page: Page) {
  await openWebStoreDeployment(page);
  await page.getByLabel('Mode').selectOption('optional');
  await page.getByLabel('Generate a new secret (shown once)').check();
  await page.getByRole('button', { name: 'Save identity settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'New signing secret' });
  const secret = (await dialog.getByTestId('secret-once').textContent()) ?? '';
  await dialog.getByRole('button', { name: 'I have saved it' }).click();
  return secret.trim();
}

async function disableIdentity(page: Page) {
  await openWebStoreDeployment(page);
  await page.getByLabel('Mode').selectOption('none');
  await page.getByRole('button', { name: 'Save identity settings' }).click();
  await expect(page.getByText('Identity settings saved.')).toBeVisible();
}

function identityToken(secret: string) {
  return new SignJWT({ sub: 'user-1001', name: 'Jamie Rivera', email: 'jamie@example.com' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

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
    const token = await identityToken(secret);

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

  // The demo store's other tests expect an anonymous chat that starts at once.
  test.afterEach(async ({ browser }) => {
    const admin = await browser.newPage();
    await signIn(admin, 'admin@acme.test');
    await setPrechatFields(admin, []);
    await disableIdentity(admin);
    await admin.close();
  });
});
