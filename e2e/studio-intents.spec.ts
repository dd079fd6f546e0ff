import { expect, type Page, test } from '@playwright/test';
import { createBot, signIn } from './helpers';

test.use({ viewport: { width: 1600, height: 1000 } });
test.describe.configure({ timeout: 120_000 });

async function addIntentWithPhrases(page: Page, name: string, phrases: string[]) {
  await page.getByLabel('New intent').fill(name);
  await page.getByRole('button', { name: 'Add intent' }).click();
  const detail = page.getByRole('region', { name: `Intent ${name}` });
  await detail.getByText('Paste many phrases').click();
  await detail.getByLabel('One phrase per line').fill(phrases.join('\n'));
  await detail.getByRole('button', { name: 'Add phrases' }).click();
  await expect(
    detail.getByRole('list', { name: 'Training phrases' }).getByRole('listitem'),
  ).toHaveCount(phrases.length);
}

test('a designer teaches the bot two intents and tries a sentence', async ({ page }) => {
  await signIn(page, 'designer@acme.test');
  await createBot(page, 'Intents e2e bot');
  await page.getByRole('link', { name: 'Intents & entities' }).click();
  await expect(
    page.getByRole('heading', { name: 'Intents e2e bot: intents & entities' }),
  ).toBeVisible();
  await expect(page.getByText('No intents yet.')).toBeVisible();

  await page.getByLabel('New intent').fill('weather');
  await page.getByRole('button', { name: 'Add intent' }).click();
  const warnings = page.getByRole('region', { name: 'Warnings' });
  await expect(warnings).toContainText('“weather” has 0 phrases');

  const weather = page.getByRole('region', { name: 'Intent weather' });
  await weather.getByLabel('New phrase').fill('will it rain today');
  await weather.getByLabel('New phrase').press('Enter');
  await weather.getByText('Paste many phrases').click();
  await weather
    .getByLabel('One phrase per line')
    .fill(
      'what is the weather like\nis it going to be sunny\nweather forecast please\ndo I need an umbrella\n\nwill it rain today',
    );
  await weather.getByRole('button', { name: 'Add phrases' }).click();
  await expect(weather.getByRole('status')).toHaveText('Added 4 phrases; 1 already there.');
  await expect(warnings).not.toContainText('“weather”');

  await addIntentWithPhrases(page, 'orderStatus', [
    'where is my order',
    'track my parcel',
    'has my package shipped',
    'when will my order arrive',
    'order status',
    'do I need an umbrella',
  ]);
  await expect(warnings).toContainText(
    '“do I need an umbrella” is a phrase of “weather” and “orderStatus”',
  );
  await page
    .getByRole('region', { name: 'Intent orderStatus' })
    .getByRole('button', { name: 'Remove phrase “do I need an umbrella”' })
    .click();
  await expect(warnings).toContainText('None');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  const tryIt = page.getByRole('region', { name: 'Try it' });
  await tryIt.getByLabel('A customer says').fill('is it going to rain tomorrow?');
  await tryIt.getByRole('button', { name: 'Try' }).click();
  const ranking = tryIt.getByRole('list', { name: 'Ranking' }).getByRole('listitem');
  await expect(ranking.first()).toContainText('weather');
  await expect(ranking).toHaveCount(2);
  await expect(tryIt.getByRole('list', { name: 'Entities found' })).toContainText('date');

  // Undo takes the removed phrase back; the page edits the same draft the canvas does.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(warnings).toContainText('is a phrase of');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  await page.reload();
  await page
    .getByRole('list', { name: 'Intents' })
    .getByRole('button', { name: /weather/ })
    .click();
  await expect(
    page
      .getByRole('region', { name: 'Intent weather' })
      .getByRole('list', { name: 'Training phrases' })
      .getByRole('listitem'),
  ).toHaveCount(5);
  await page.getByRole('link', { name: '← Canvas' }).click();
  await expect(page.getByTestId('flow-node-start')).toBeVisible();
});
