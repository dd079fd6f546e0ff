import {
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { enableIdentity, identityToken, resetWebStore, signIn } from './helpers';

/** The demo bot hands a customer who names an order when asking for a person to Orders. */
const ASK_FOR_A_PERSON = 'I need to talk to a person about my order A1001';

function chatOn(page: Page) {
  const window = page.getByRole('dialog', { name: 'Chat with us' });
  return {
    launcher: page.getByRole('button', { name: 'Chat with us' }),
    window,
    messages: window.getByRole('log', { name: 'Messages' }),
    messageBox: window.getByRole('textbox', { name: 'Message' }),
  };
}

/**
 * A customer of the demo store, in a browser of their own, who asks for a person about an
 * order and is handed to the Orders queue. `token` signs them in as the app's user.
 */
async function customerHandedOff(browser: Browser, token?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/demo/store');
  if (token) {
    await page.waitForFunction(() => window.Parley !== undefined);
    await page.evaluate(
      (signed) => window.Parley?.setIdentityTokenProvider(async () => signed),
      token,
    );
  }
  const chat = chatOn(page);
  await chat.launcher.click();
  await expect(chat.messages.locator('.bubble').first()).toBeVisible();
  await say(page, ASK_FOR_A_PERSON);
  await expect(chat.messages).toContainText('connecting you with our orders team');
  return { context, page, chat };
}

async function say(page: Page, text: string) {
  const chat = chatOn(page);
  await chat.messageBox.fill(text);
  await chat.messageBox.press('Enter');
}

/** An agent signed in to the console in a browser of their own. */
async function agentAtConsole(browser: Browser, email: string, password?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.goto('/console');
  await expect(page.getByRole('heading', { name: 'Agent console' })).toBeVisible();
  return { context, page };
}

/** Alice, the orders agent, signed in to the console in a browser of her own. */
function aliceAtConsole(browser: Browser) {
  return agentAtConsole(browser, 'alice@acme.test');
}

async function setPresence(page: Page, presence: 'online' | 'away' | 'offline') {
  await page.getByLabel('Presence').selectOption(`presence:${presence}`);
  await expect(page.getByLabel('Presence')).toHaveValue(`presence:${presence}`);
}

/** Calls a tRPC procedure over HTTP with the session of `request`'s browser. */
async function trpc<T>(
  request: APIRequestContext,
  path: string,
  input?: unknown,
  kind: 'query' | 'mutation' = 'query',
): Promise<T> {
  const query =
    input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response =
    kind === 'query'
      ? await request.get(`/api/trpc/${path}${query}`)
      : await request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

/**
 * A second Orders agent, Olivia, made by the admin for one test with less capacity than Alice,
 * and the Orders queue's offer timeout set to `offerTimeoutSeconds`. `undo` puts the queue back and deactivates her, so
 * the demo's routing is as before for the tests after.
 */
async function secondOrdersAgent(admin: APIRequestContext, offerTimeoutSeconds: number) {
  const email = `olivia-${Date.now()}@acme.test`;
  const created = await trpc<{ user: { id: string }; temporaryPassword: string }>(
    admin,
    'staffUsers.create',
    { email, name: 'Olivia Orders', role: 'agent' },
    'mutation',
  );
  const skills = await trpc<{ id: string; name: string }[]>(admin, 'routingConfig.skills.options');
  const queues = await trpc<{ id: string; name: string }[]>(admin, 'routingConfig.queues.options');
  const ordersSkill = skills.find((skill) => skill.name === 'orders');
  const ordersQueue = queues.find((queue) => queue.name === 'Orders');
  if (!ordersSkill || !ordersQueue) throw new Error('the demo has no Orders queue and skill');
  await trpc(
    admin,
    'routingConfig.agents.update',
    {
      userId: created.user.id,
      agent: {
        capacity: 1,
        skills: [{ skillId: ordersSkill.id, level: 10 }],
        queueIds: [ordersQueue.id],
      },
    },
    'mutation',
  );
  const { id, ...queue } = await trpc<{ id: string; offerTimeoutSeconds: number }>(
    admin,
    'routingConfig.queues.byId',
    { id: ordersQueue.id },
  );
  const offerTimeout = (seconds: number) =>
    trpc(
      admin,
      'routingConfig.queues.update',
      { id, queue: { ...queue, offerTimeoutSeconds: seconds } },
      'mutation',
    );
  await offerTimeout(offerTimeoutSeconds);
  return {
    email,
    password: created.temporaryPassword,
    async undo() {
      await offerTimeout(queue.offerTimeoutSeconds);
      await trpc(
        admin,
        'staffUsers.setActive',
        { userId: created.user.id, active: false },
        'mutation',
      );
    },
  };
}

/**
 * The agent stops taking work whatever state the test left their page in, so the next test
 * starts with them offline; it goes through their session's API, which works even on a broken
 * page.
 */
async function agentOffline(context: BrowserContext) {
  const response = await context.request.post('/api/trpc/console.setPresence', {
    data: { json: { presence: 'offline' } },
  });
  expect(response.ok()).toBe(true);
}

/** The offer for the customer whose last message was `lastText`: other tests' may be waiting too. */
function offerFor(page: Page, customerName: string, lastText: string) {
  return page
    .getByRole('article', { name: `Offer: ${customerName}` })
    .filter({ hasText: lastText });
}

/** Records every dialog the page opens: none may, so each is dismissed and kept as evidence. */
function watchDialogs(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function endConversation(page: Page) {
  const panel = page.getByRole('tabpanel');
  await panel.getByRole('button', { name: 'End conversation…' }).click();
  const confirm = page.getByRole('dialog', { name: 'End this conversation?' });
  await confirm.getByRole('button', { name: 'End conversation' }).click();
  await expect(panel.getByRole('status')).toContainText('This conversation has ended.');
}

test.describe('agent console', () => {
  // Each test drives a customer's browser and a staff browser against one busy server.
  test.describe.configure({ timeout: 120_000 });

  test('Alice takes a verified customer from the bot, chats live and ends with a rating request', async ({
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
    const customer = await customerHandedOff(browser, token);
    const alice = await aliceAtConsole(browser);
    try {
      const desk = alice.page;
      await expect(desk.getByText('Set yourself Online to receive offers.')).toBeVisible();
      await setPresence(desk, 'online');
      await expect(desk.getByTestId('agent-load')).toContainText('of 3 conversations');

      const offer = offerFor(desk, 'Jamie Rivera', 'orders team');
      await expect(offer).toBeVisible();
      await expect(offer).toContainText('Orders');
      await expect(offer.getByRole('timer')).toHaveText(/^0:\d\d$/);
      await expect(desk).toHaveTitle(/^\(\d\) Console/);
      await offer.getByRole('button', { name: 'Accept' }).click();

      const tab = desk.getByRole('tab', { name: /Jamie Rivera/ });
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(desk).toHaveTitle(/^Console/);
      const panel = desk.getByRole('tabpanel', { name: /Jamie Rivera/ });
      const handoff = panel.getByRole('region', { name: 'Hand-off from the bot' });
      await expect(handoff).toContainText('Order question about A1001');
      await expect(handoff).toContainText('orderNumber');
      const about = panel.getByRole('complementary', { name: 'Customer' });
      await expect(about).toContainText('Verified');
      await expect(about).toContainText('jamie@example.com');
      await expect(about).toContainText('Globex Corporation');
      await expect(about).toContainText('Change delivery address');
      const transcript = panel.getByRole('log', { name: 'Transcript' });
      await expect(transcript).toContainText(ASK_FOR_A_PERSON);
      await expect(transcript).toContainText('(bot)');

      // Alice replies; the customer sees it at once.
      const reply = panel.getByRole('textbox', { name: 'Message to the customer' });
      await reply.fill('Hi Jamie, I am looking at A1001 now.');
      await reply.press('Enter');
      await expect(reply).toHaveValue('');
      await expect(customer.chat.messages).toContainText('Hi Jamie, I am looking at A1001 now.');

      // The customer types: Alice sees them typing, then their message, and her read mark.
      await customer.chat.messageBox.fill('Thanks! It was meant to arrive');
      await expect(transcript.getByText(/is typing…/)).toBeVisible();
      await customer.chat.messageBox.press('Enter');
      await expect(transcript).toContainText('Thanks! It was meant to arrive');
      await expect(transcript.getByText(/is typing…/)).toHaveCount(0);
      await expect(transcript.getByText('Read', { exact: true })).toBeVisible({ timeout: 20_000 });

      // A staff-only note shows in the transcript, marked, and never reaches the customer.
      await panel.getByRole('radio', { name: 'Internal note' }).check();
      const note = panel.getByRole('textbox', { name: 'Internal note (staff only)' });
      await note.fill('Offer a delivery voucher if it is late.');
      await note.press('Enter');
      await expect(transcript.locator('.entry-staff-note')).toContainText(
        'Offer a delivery voucher if it is late.',
      );
      await expect(customer.chat.messages).not.toContainText('voucher');

      await endConversation(desk);
      await expect(customer.chat.messages).toContainText('The conversation has ended');
      await expect(
        customer.chat.window.getByRole('form', { name: 'Rate this conversation' }),
      ).toBeVisible();
      await desk.getByRole('tabpanel').getByRole('button', { name: 'Close tab' }).click();
      await expect(desk.getByRole('tab')).toHaveCount(0);
    } finally {
      await agentOffline(alice.context);
      await alice.context.close();
      await customer.context.close();
      await resetWebStore(browser);
    }
  });

  test('a long conversation opens at its latest messages; earlier ones load above on request', async ({
    browser,
  }) => {
    test.slow();
    const customer = await customerHandedOff(browser);
    const marker = `A long one ${Date.now()}`;
    await say(customer.page, marker);
    await expect(customer.chat.messages).toContainText(marker);
    await customer.context.close();
    const alice = await aliceAtConsole(browser);
    const api = alice.context.request;
    let sessionId: string | undefined;
    try {
      await setPresence(alice.page, 'online');
      await expect(offerFor(alice.page, 'Customer', marker)).toBeVisible();
      const { offers } = await trpc<{ offers: { workItemId: string; lastText: string | null }[] }>(
        api,
        'console.workspace',
      );
      const offer = offers.find((candidate) => candidate.lastText === marker);
      if (!offer) throw new Error('the offer is not in the workspace');
      ({ sessionId } = await trpc<{ sessionId: string }>(
        api,
        'console.accept',
        { workItemId: offer.workItemId },
        'mutation',
      ));
      // More replies than the console first shows (500 entries).
      const REPLIES = 520;
      for (let from = 0; from < REPLIES; from += 40) {
        await Promise.all(
          Array.from({ length: Math.min(40, REPLIES - from) }, (_, index) =>
            trpc(
              api,
              'console.send',
              {
                sessionId,
                text: `Reply ${from + index + 1}`,
                clientMessageId: `long-${from + index}`,
              },
              'mutation',
            ),
          ),
        );
      }

      await alice.page.reload();
      const panel = alice.page.getByRole('tabpanel');
      const transcript = panel.getByRole('log', { name: 'Transcript' });
      await expect(transcript.locator('[data-seq]').last()).toBeVisible();
      await expect(transcript.getByText(marker, { exact: true })).toHaveCount(0);
      const earlier = transcript.getByRole('button', { name: 'Show earlier messages' });
      await earlier.focus();
      await alice.page.keyboard.press('Enter');
      await expect(transcript.getByText(marker, { exact: true })).toHaveCount(1);
      await expect(transcript.getByText('The start of the conversation.')).toBeFocused();
      await expect(transcript.getByText(ASK_FOR_A_PERSON, { exact: true })).toHaveCount(1);
      await expect(transcript.getByText('Reply 1', { exact: true })).toHaveCount(1);

      const box = panel.getByRole('textbox', { name: 'Message to the customer' });
      await box.fill('After paging back');
      await box.press('Enter');
      await expect(transcript.getByText('After paging back', { exact: true })).toHaveCount(1);
      const seqs = await transcript
        .locator('[data-seq]')
        .evaluateAll((entries) => entries.map((entry) => Number(entry.getAttribute('data-seq'))));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    } finally {
      if (sessionId) await trpc(api, 'console.end', { sessionId }, 'mutation');
      await agentOffline(alice.context);
      await alice.context.close();
    }
  });

  test('markup a customer types shows as text in the console, and nothing runs', async ({
    browser,
  }) => {
    const customer = await customerHandedOff(browser);
    const markup = `<img src=x onerror=alert(1)> ${Date.now()}`;
    await say(customer.page, markup);
    const alice = await aliceAtConsole(browser);
    const dialogs = watchDialogs(alice.page);
    try {
      const desk = alice.page;
      await setPresence(desk, 'online');
      await offerFor(desk, 'Customer', markup).getByRole('button', { name: 'Accept' }).click();

      const transcript = desk.getByRole('tabpanel').getByRole('log', { name: 'Transcript' });
      await expect(transcript.getByText(markup)).toBeVisible();
      expect(dialogs).toEqual([]);
      await expect(desk.locator('img[src="x"]')).toHaveCount(0);
      await expect(desk.locator('[onerror]')).toHaveCount(0);

      await endConversation(desk);
    } finally {
      await agentOffline(alice.context);
      await alice.context.close();
      await customer.context.close();
    }
  });

  test('Alice hands a conversation back to the bot, which takes it on from its hand-off', async ({
    browser,
  }) => {
    const customer = await customerHandedOff(browser);
    const marker = `Back to the bot ${Date.now()}`;
    await say(customer.page, marker);
    const alice = await aliceAtConsole(browser);
    try {
      const desk = alice.page;
      await setPresence(desk, 'online');
      await offerFor(desk, 'Customer', marker).getByRole('button', { name: 'Accept' }).click();
      const panel = desk.getByRole('tabpanel');
      await panel.getByRole('button', { name: 'Transfer…' }).click();
      const transfer = desk.getByRole('dialog', { name: 'Transfer conversation' });
      await transfer.getByRole('radio', { name: /Back to the bot/ }).check();
      await transfer.getByRole('button', { name: 'Transfer' }).click();
      await expect(transfer).toHaveCount(0);

      await expect(customer.chat.messages).toContainText(
        'Is there anything else I can help you with?',
      );
      await expect(panel.getByRole('status')).toContainText('no longer yours');
      // The bot answers the customer again.
      await say(customer.page, 'yes');
      await expect(customer.chat.messages).toContainText('What else can I do for you?');
      await say(customer.page, 'where is my order A1001');
      await expect(customer.chat.messages).toContainText('Order A1001 is shipped.');
    } finally {
      await agentOffline(alice.context);
      await alice.context.close();
      await customer.context.close();
    }
  });

  test('Alice works two conversations from the keyboard alone', async ({ browser }) => {
    const first = await customerHandedOff(browser);
    await say(first.page, 'First customer here');
    const second = await customerHandedOff(browser);
    await say(second.page, 'Second customer here');
    const alice = await aliceAtConsole(browser);
    try {
      const desk = alice.page;
      await setPresence(desk, 'online');
      const tabs = desk.getByRole('tab');
      const reply = desk.getByRole('tabpanel').getByRole('textbox', {
        name: 'Message to the customer',
      });

      // A focused Accept takes Enter; accepting puts the cursor in the reply box.
      await offerFor(desk, 'Customer', 'First customer here')
        .getByRole('button', { name: 'Accept' })
        .focus();
      await desk.keyboard.press('Enter');
      await expect(tabs).toHaveCount(1);
      await expect(reply).toBeFocused();
      await desk.keyboard.type('Hello first');
      await desk.keyboard.press('Shift+Enter');
      await desk.keyboard.type('on two lines');
      await desk.keyboard.press('Enter');
      await expect(first.chat.messages).toContainText('Hello first');

      // Alt+A takes the oldest offer from anywhere: here the only one left.
      const offers = desk.getByRole('article', { name: /^Offer:/ });
      await expect(offers).toHaveCount(1);
      await expect(offers).toContainText('Second customer here');
      await desk.keyboard.press('Alt+A');
      await expect(tabs).toHaveCount(2);
      await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
      await expect(reply).toBeFocused();
      await desk.keyboard.type('Hello second');
      await desk.keyboard.press('Enter');
      await expect(second.chat.messages).toContainText('Hello second');
      await expect(first.chat.messages).not.toContainText('Hello second');

      // Alt+1 and Alt+2 switch conversations; in the tab strip the arrow keys do.
      await desk.keyboard.press('Alt+1');
      await expect(tabs.nth(0)).toHaveAttribute('aria-selected', 'true');
      await expect(desk.getByRole('tabpanel').getByRole('log')).toContainText('Hello first');
      await tabs.nth(0).focus();
      await desk.keyboard.press('ArrowRight');
      await expect(tabs.nth(1)).toBeFocused();
      await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');

      // Alt+E asks before ending; the confirmation is answered from the keyboard too.
      for (const customer of [second, first]) {
        await desk.keyboard.press('Alt+E');
        const confirm = desk.getByRole('dialog', { name: 'End this conversation?' });
        await confirm.getByRole('button', { name: 'End conversation' }).focus();
        await desk.keyboard.press('Enter');
        await expect(customer.chat.messages).toContainText('The conversation has ended');
        await desk.getByRole('tabpanel').getByRole('button', { name: 'Close tab' }).focus();
        await desk.keyboard.press('Enter');
      }
      await expect(tabs).toHaveCount(0);
    } finally {
      await agentOffline(alice.context);
      await alice.context.close();
      await first.context.close();
      await second.context.close();
    }
  });

  test('an offer Alice leaves unanswered runs out, and routing offers it again with a new countdown', async ({
    browser,
  }) => {
    // The Orders queue gives an agent 30 seconds to answer.
    test.slow();
    const customer = await customerHandedOff(browser);
    const marker = `Nobody answers ${Date.now()}`;
    await say(customer.page, marker);
    const alice = await aliceAtConsole(browser);
    try {
      await setPresence(alice.page, 'online');
      const timer = offerFor(alice.page, 'Customer', marker).getByRole('timer');
      await expect(timer).toHaveText(/^0:[0-3]\d$/);
      await expect(alice.page).toHaveTitle(/^\(\d\) Console/);
      await expect(timer).toHaveText(/^0:0[0-5]$|^Expiring…$/, { timeout: 40_000 });
      // Alice is the only agent who can take it: once everyone able has let it pass, a new
      // round starts and the offer comes back with a fresh 30 seconds.
      await expect(timer).toHaveText(/^0:[23]\d$/, { timeout: 15_000 });
    } finally {
      await agentOffline(alice.context);
      await alice.context.close();
      await chatOn(customer.page).window.getByRole('button', { name: 'End chat' }).click();
      await customer.context.close();
    }
  });

  test('an offer Alice lets time out goes to the next eligible agent', async ({
    page,
    browser,
  }) => {
    const OFFER_SECONDS = 8;
    await signIn(page, 'admin@acme.test');
    const olivia = await secondOrdersAgent(page.request, OFFER_SECONDS);
    const alice = await aliceAtConsole(browser);
    const second = await agentAtConsole(browser, olivia.email, olivia.password);
    let customer: Awaited<ReturnType<typeof customerHandedOff>> | undefined;
    try {
      await setPresence(alice.page, 'online');
      await setPresence(second.page, 'online');
      customer = await customerHandedOff(browser);
      const marker = `Left to run out ${Date.now()}`;
      await say(customer.page, marker);

      const aliceOffer = offerFor(alice.page, 'Customer', marker);
      const oliviaOffer = offerFor(second.page, 'Customer', marker);
      // Alice has the most capacity free, so the queue (most available first) offers it to her.
      await expect(aliceOffer.getByRole('timer')).toBeVisible();
      await expect(oliviaOffer).toHaveCount(0);

      const pastTimeout = { timeout: (OFFER_SECONDS + 10) * 1_000 };
      await expect(aliceOffer).toHaveCount(0, pastTimeout);
      await expect(oliviaOffer).toBeVisible(pastTimeout);
      await expect(oliviaOffer).toContainText('Orders');
      await expect(oliviaOffer.getByRole('timer')).toHaveText(/^0:0\d$/);
      await expect(aliceOffer).toHaveCount(0);
      await oliviaOffer.getByRole('button', { name: 'Accept' }).click();
      await expect(second.page.getByRole('tab', { name: /Customer/ })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expect(customer.chat.messages).toContainText('Olivia Orders joined');
    } finally {
      if (customer) {
        await chatOn(customer.page).window.getByRole('button', { name: 'End chat' }).click();
        await customer.context.close();
      }
      await agentOffline(alice.context);
      await agentOffline(second.context);
      await alice.context.close();
      await second.context.close();
      await olivia.undo();
    }
  });

  test('while Alice is away the customer hears their place in the queue; back online, she is offered them', async ({
    browser,
  }) => {
    const alice = await aliceAtConsole(browser);
    await setPresence(alice.page, 'away');
    const customer = await customerHandedOff(browser);
    try {
      const marker = `Still waiting ${Date.now()}`;
      await expect(customer.chat.messages).toContainText(/You are number \d+ in the queue/);
      await say(customer.page, marker);

      await setPresence(alice.page, 'online');
      const offer = offerFor(alice.page, 'Customer', marker);
      await expect(offer).toBeVisible();
      await offer.getByRole('button', { name: 'Decline…' }).click();
      const decline = alice.page.getByRole('dialog', { name: 'Decline conversation' });
      await decline.getByLabel('Reason (optional)').fill('Testing the decline');
      await decline.getByRole('button', { name: 'Decline' }).click();
      await expect(offer).toHaveCount(0);
    } finally {
      await agentOffline(alice.context);
      await alice.context.close();
      // The customer leaves, so their hand-off waits for nobody after this test.
      await chatOn(customer.page).window.getByRole('button', { name: 'End chat' }).click();
      await customer.context.close();
    }
  });
});

test.describe('supervisor view', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a supervisor sees the waiting customer in the queue and why routing has not placed them', async ({
    page,
    browser,
  }) => {
    const customer = await customerHandedOff(browser);
    const marker = `Supervisor test ${Date.now()}`;
    await say(customer.page, marker);
    try {
      await signIn(page, 'supervisor@acme.test');
      await page.goto('/console');
      await page
        .getByRole('navigation', { name: 'Console' })
        .getByRole('link', { name: 'Supervisor' })
        .click();
      await expect(page.getByRole('heading', { name: 'Supervisor' })).toBeVisible();
      await expect(page.getByText(/Updated (just now|\d+s ago)/)).toBeVisible();

      const queues = page.getByRole('region', { name: 'Queues' });
      const orders = queues.getByRole('row').filter({ hasText: 'Orders' });
      await expect(orders.getByRole('cell').nth(1)).not.toHaveText('0');
      const agents = page.getByRole('region', { name: 'Agents' });
      await expect(agents.getByRole('row', { name: 'Agent: Alice Agent' })).toContainText('0 / 3');

      const waiting = page.getByRole('region', { name: 'Waiting' });
      const item = waiting.getByRole('row', { name: 'Waiting: Customer' }).first();
      await expect(item).toContainText('No agent can take it');
      await item.getByRole('button', { name: 'Why?' }).click();
      const log = page.getByRole('region', { name: 'Decision log' });
      await expect(log).toContainText('Queued');
      const considered = log.getByRole('row').filter({ hasText: 'Alice Agent' }).first();
      await expect(considered).toContainText('not taking work');
    } finally {
      await chatOn(customer.page).window.getByRole('button', { name: 'End chat' }).click();
      await customer.context.close();
    }
  });

  test("a supervisor puts Alice on one of the team's own statuses, and her console shows it", async ({
    page,
    browser,
  }) => {
    const alice = await aliceAtConsole(browser);
    try {
      await setPresence(alice.page, 'online');
      await signIn(page, 'supervisor@acme.test');
      await page.goto('/console/supervisor');
      const presence = page
        .getByRole('region', { name: 'Agents' })
        .getByLabel('Presence of Alice Agent');
      // Other tests may have added statuses of their own; these are the demo's.
      await expect(presence.getByRole('option')).toContainText([
        'Online',
        'Busy',
        'Away',
        'Offline',
        'Lunch (no new work)',
        'Training (no new work)',
      ]);
      await presence.selectOption({ label: 'Lunch (no new work)' });
      await expect(presence.locator('option:checked')).toHaveText('Lunch (no new work)');
      await page.reload();
      await expect(presence.locator('option:checked')).toHaveText('Lunch (no new work)');

      await alice.page.reload();
      await expect(alice.page.getByLabel('Presence').locator('option:checked')).toHaveText(
        'Lunch (no new work)',
      );
    } finally {
      await agentOffline(alice.context);
      await alice.context.close();
    }
  });

  test('an agent opening the supervisor view is told they have no access', async ({ page }) => {
    await signIn(page, 'alice@acme.test');
    await page.goto('/console');
    await expect(page.getByRole('navigation', { name: 'Console' })).toHaveCount(0);
    await page.goto('/console/supervisor');
    await expect(
      page.getByRole('heading', { name: 'You don’t have access to the supervisor view' }),
    ).toBeVisible();
  });
});
