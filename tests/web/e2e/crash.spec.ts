// Issue 7: the worker dying in the middle of training is caught; the page says so, and a restart brings
// the engine back with the person's text and settings untouched, and offers the model the browser kept
// (saved at every pause and every 30 s), so the training done is not lost either.
import { expect, test } from '@playwright/test';
import { number, openPlayground } from './helpers';

test('a worker that dies while training is reported; a restart keeps the text and settings and offers the kept model', async ({ page }) => {
  await openPlayground(page, '#hidden=48&seed=9&seq=16&batch=4');
  await page.locator('#text').fill('words of my own, which the crash must not take away. '.repeat(40));
  await expect(page.locator('#run-status')).toContainText('ready', { timeout: 20_000 });
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), { timeout: 20_000 }).toBeGreaterThan(5);
  await page.locator('#train').click();  // a pause: the browser keeps the model
  await expect(page.locator('#train')).toHaveText('Train');
  const kept = await number(page, '#stat-step');
  await page.waitForTimeout(1000);  // IndexedDB writes the kept model
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), { timeout: 20_000 }).toBeGreaterThan(kept + 5);

  // An exception nobody catches, thrown inside the worker: the same event a crashed worker raises.
  expect(page.workers().length).toBeGreaterThan(0);
  await page.workers()[0].evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }, 0));
  const notice = page.locator('[data-notice="fatal"]');
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('The training engine stopped');
  await expect(page.locator('#train')).toBeDisabled();

  await notice.locator('button', { hasText: 'Restart the engine' }).click();
  await expect(page.locator('#train')).toBeEnabled({ timeout: 20_000 });
  await expect(page.locator('#text')).toHaveValue(/^words of my own/);
  await expect(page.locator('input[data-key="hiddenSize"]')).toHaveValue('48');
  await expect(page.locator('input[data-key="seed"]')).toHaveValue('9');
  const offer = page.locator('[data-notice="autosave-restore"]');
  await expect(offer).toContainText(`Latest: step ${kept.toLocaleString('en-US')}`, { timeout: 20_000 });
  await offer.locator('button', { hasText: 'Continue the latest' }).click();
  await expect.poll(() => number(page, '#stat-step'), { timeout: 20_000 }).toBe(kept);
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step'), { timeout: 20_000 }).toBe(kept + 1);
});
