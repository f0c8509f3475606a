// Autosave: the latest and best models of a text are kept in IndexedDB, listed with step, losses and
// date, restored after a reload so training continues exactly (the same losses as a run that never
// stopped), and deleted one by one or all at once; without storage the page says so.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { number, openPlayground, settledAt } from './helpers';

const SHOTS = 'artifacts/screenshots';

async function stepTo(page: Page, target: number) {
  while ((await number(page, '#stat-step')) < target) {
    const before = await number(page, '#stat-step');
    await page.locator('#step').click();
    await expect.poll(() => number(page, '#stat-step')).toBe(before + 1);
  }
  await settledAt(page, target);  // its validation and probe are on screen, not the step before's
}

async function savedList(page: Page) {
  await page.locator('#open-saves').click();
  await expect(page.locator('#saves-dialog')).toBeVisible();
  return page.locator('#saves-list');
}

test('save → reload → restore continues the run exactly, with the same losses', async ({ page }) => {
  const hash = '#seq=32&batch=8&hidden=64';
  await openPlayground(page, hash);
  await stepTo(page, 3);
  // Every pause (a Step ends in one) saves the latest model; the first validation is the best so far.
  const list = await savedList(page);
  await expect(list.locator('[data-kind="latest"] .saves-detail')).toContainText('Step 3 ·');
  await expect(list.locator('[data-kind="best"]')).toHaveCount(1);
  await expect(list.locator('[data-kind="latest"] .saves-text')).toHaveText('English story');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/saves-1280.png` });
  await page.locator('#saves-dialog .dialog-close').click();

  await page.reload();
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('#stat-step')).toHaveText('0');
  const offer = page.locator('[data-notice="autosave-restore"]');
  await expect(offer).toContainText('This browser kept a model of this text');
  await expect(offer).toContainText('Latest: step 3');
  await offer.locator('button', { hasText: 'Continue the latest' }).click();
  await expect(page.locator('[data-notice="loaded"]')).toContainText('Its run continues exactly where it stopped, at step 3.');
  await expect(page.locator('#stat-step')).toHaveText('3');
  await stepTo(page, 5);
  const resumedValidation = await page.locator('#stat-validation').textContent();
  // The probe's next-character probabilities depend only on the weights.
  const resumedProbe = await page.locator('#probe-bars').textContent();
  expect(resumedProbe).toMatch(/\d/);

  // The same run without the interruption: a fresh model with the same seed, 5 steps.
  await page.locator('#reset').click();
  await expect(page.locator('#stat-step')).toHaveText('0');
  await stepTo(page, 5);
  await expect(page.locator('#stat-validation')).toHaveText(resumedValidation!);
  await expect(page.locator('#probe-bars')).toHaveText(resumedProbe!);
});

test('saved models can be deleted one by one or all at once', async ({ page }) => {
  await openPlayground(page, '#seq=16&batch=4&hidden=16');
  await stepTo(page, 2);
  const list = await savedList(page);
  await expect(list.locator('.saves-item')).toHaveCount(2);
  await list.locator('[data-kind="best"] button', { hasText: 'Delete' }).click();
  await expect(list.locator('.saves-item')).toHaveCount(1);
  await expect(list.locator('[data-kind="latest"]')).toHaveCount(1);
  await page.locator('#saves-delete-all').click();
  await expect(list.locator('.saves-item')).toHaveCount(0);
  await expect(page.locator('#saves-message')).toContainText('Nothing saved yet');
  await page.locator('#saves-dialog .dialog-close').click();
  await page.reload();
  await expect(page.locator('#train')).toBeEnabled();
  await page.waitForTimeout(500);  // room for an offer that must not come (cannot fail a right page)
  await expect(page.locator('[data-notice="autosave-restore"]')).toHaveCount(0);
});

test('without IndexedDB the page says models are not saved, and keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
  });
  await openPlayground(page, '#seq=16&batch=4&hidden=16');
  await stepTo(page, 1);
  await expect(page.locator('[data-notice="autosave"]')).toContainText('does not let the page store data');
  const list = await savedList(page);
  await expect(page.locator('#saves-message')).toContainText('does not let the page store data');
  await expect(list.locator('.saves-item')).toHaveCount(0);
  await page.locator('#saves-dialog .dialog-close').click();
  await stepTo(page, 2);
});
