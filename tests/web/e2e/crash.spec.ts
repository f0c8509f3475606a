// Issue 7: the worker dying in the middle of training is caught; the page says so, and a restart brings
// the engine back with the person's text and settings untouched, and offers the model the browser kept
// (saved at every pause and every 30 s), so the training done is not lost either.
import { expect, test, type Page } from '@playwright/test';
import { number, openPlayground, pause } from './helpers';

// The step of the latest model this browser keeps (IndexedDB, read as the page reads it), or -1.
async function keptLatestStep(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => {
    const open = indexedDB.open('charrnn-playground');
    open.onupgradeneeded = () => open.transaction!.abort();  // not created yet: leave creating it to the page
    open.onerror = () => resolve(-1);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('meta')) return resolve(-1);
      const all = db.transaction('meta').objectStore('meta').getAll();
      all.onerror = () => resolve(-1);
      all.onsuccess = () => {
        const latest = (all.result as { kind: string; step: number }[]).filter((m) => m.kind === 'latest');
        resolve(Math.max(-1, ...latest.map((m) => m.step)));
        db.close();
      };
    };
  }));
}

test('a worker that dies while training is reported; a restart keeps the text and settings and offers the kept model', async ({ page }) => {
  await openPlayground(page, '#hidden=48&seed=9&seq=16&batch=4');
  await page.locator('#text').fill('words of my own, which the crash must not take away. '.repeat(40));
  await expect(page.locator('#run-status')).toContainText('ready');
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step')).toBeGreaterThan(5);
  const kept = await pause(page);  // a pause: the browser keeps the model
  await expect.poll(() => keptLatestStep(page), { message: 'the model of the pause is kept' }).toBeGreaterThanOrEqual(kept);
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step')).toBeGreaterThan(kept + 5);

  // An exception nobody catches, thrown inside the worker: the same event a crashed worker raises.
  expect(page.workers().length).toBeGreaterThan(0);
  await page.workers()[0].evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }, 0));
  const notice = page.locator('[data-notice="fatal"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The training engine stopped');
  await expect(page.locator('#train')).toBeDisabled();

  await notice.locator('button', { hasText: 'Restart the engine' }).click();
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('#text')).toHaveValue(/^words of my own/);
  await expect(page.locator('input[data-key="hiddenSize"]')).toHaveValue('48');
  await expect(page.locator('input[data-key="seed"]')).toHaveValue('9');
  // The offer is the latest model kept: the one of the pause, or a later one if the 30-second autosave
  // kept one while training went on (it does on a slow machine). Restoring it continues from exactly
  // the step it names.
  const offer = page.locator('[data-notice="autosave-restore"]');
  await expect(offer).toContainText(/Latest: step [\d,]+/);
  const offered = Number(/Latest: step ([\d,]+)/.exec((await offer.textContent())!)![1].replace(/,/g, ''));
  expect(offered).toBeGreaterThanOrEqual(kept);
  await offer.locator('button', { hasText: 'Continue the latest' }).click();
  await expect.poll(() => number(page, '#stat-step')).toBe(offered);
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(offered + 1);
});
