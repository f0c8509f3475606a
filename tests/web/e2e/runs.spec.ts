// Issue 16, "Runs you can compare": every run goes into a table kept in IndexedDB beside the saved
// models; two pinned runs have their loss curves drawn together; a reload keeps the runs, and "Delete
// all" of the saved models clears them with the models.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { number, openPlayground, pause } from './helpers';

const SHOTS = 'artifacts/screenshots';

async function trainSomeSteps(page: Page, atLeast: number): Promise<number> {
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step')).toBeGreaterThanOrEqual(atLeast);
  return pause(page);
}

async function openRuns(page: Page) {
  await page.locator('#open-runs').click();
  await expect(page.locator('#runs-dialog')).toBeVisible();
  return page.locator('#runs-rows tr');
}

test('two runs are listed, pinned and drawn together; kept after a reload; cleared with the saved models', async ({ page }) => {
  await openPlayground(page, '#cell=lstm&hidden=32&seq=16&batch=4');
  const lstmSteps = await trainSomeSteps(page, 3);

  // Another cell: a new network from fresh weights, so a second run.
  await page.locator('label.segment', { hasText: 'GRU' }).click();
  await page.locator('#confirm-yes').click();
  await expect(page.locator('#run-status')).toContainText('GRU 32 ready');
  const gruSteps = await trainSomeSteps(page, 3);

  let rows = await openRuns(page);
  await expect(rows).toHaveCount(2);
  // Newest first: the GRU run (training now), then the LSTM run as it ended.
  await expect(rows.nth(0).locator('[data-col="cell"]')).toHaveText('GRU');
  await expect(rows.nth(0).locator('[data-col="number"]')).toHaveText('2 (now)');
  await expect(rows.nth(0).locator('[data-col="steps"]')).toHaveText(gruSteps.toLocaleString('en-US'));
  await expect(rows.nth(1).locator('[data-col="cell"]')).toHaveText('LSTM');
  await expect(rows.nth(1).locator('[data-col="hidden"]')).toHaveText('32');
  await expect(rows.nth(1).locator('[data-col="steps"]')).toHaveText(lstmSteps.toLocaleString('en-US'));
  await expect(rows.nth(1).locator('[data-col="train"]')).toHaveText(/^\d+\.\d{3}$/);
  await expect(rows.nth(1).locator('[data-col="metric"]')).toHaveText(/^\d+\.\d% accuracy$/);
  await expect(page.locator('#runs-chart')).toBeHidden();

  // Pin both, by keyboard for the second: one chart, a training and a validation series for each run.
  await page.getByRole('checkbox', { name: 'Pin run 1' }).check();
  await expect(page.locator('#runs-hint')).toHaveText('Pin one more run to compare it with this one.');
  await page.getByRole('checkbox', { name: 'Pin run 2' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('checkbox', { name: 'Pin run 2' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Pin run 2' })).toBeFocused();
  const chart = page.locator('#runs-chart');
  await expect(chart).toBeVisible();
  await expect(page.locator('#runs-chart-plot')).toHaveAttribute('data-series', '2');
  await expect(page.locator('#runs-chart-plot')).toHaveAttribute('data-points', /^[1-9]\d* [1-9]\d*$/);  // both curves drawn
  await expect(chart.locator('.u-legend .u-series')).toHaveText(['Run 1: training', 'Run 1: validation', 'Run 2: training', 'Run 2: validation']);
  await expect(chart.locator('canvas')).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/runs-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(chart.locator('canvas')).toBeVisible();
  const dialogWidth = await page.locator('#runs-dialog').evaluate((d) => d.getBoundingClientRect().width);
  expect(dialogWidth).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/runs-390.png` });
  // On a phone the table scrolls sideways inside its region (keyboard: it takes focus), the page does not.
  const scroller = page.locator('#runs-dialog .runs-scroll');
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await scroller.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/runs-390-scrolled.png` });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Kept in this browser: after a reload both runs are still listed, as they ended.
  await page.reload();
  await expect(page.locator('#train')).toBeEnabled();
  rows = await openRuns(page);
  await expect(rows).toHaveCount(2);
  await expect(rows.locator('[data-col="cell"]')).toHaveText(['GRU', 'LSTM']);
  await expect(rows.nth(0).locator('[data-col="steps"]')).toHaveText(gruSteps.toLocaleString('en-US'));
  await page.locator('#runs-dialog .dialog-close').click();

  // "Delete all" of the saved models clears the runs too.
  await page.locator('#open-saves').click();
  await page.locator('#saves-delete-all').click();
  await expect(page.locator('#saves-message')).toHaveText('Nothing saved yet: train a model and it is kept here.');
  await page.locator('#saves-dialog .dialog-close').click();
  rows = await openRuns(page);
  await expect(rows).toHaveCount(0);
  await expect(page.locator('#runs-message')).toHaveText('No runs yet: train a model and it appears here.');
  await page.reload();
  await expect(page.locator('#train')).toBeEnabled();
  rows = await openRuns(page);
  await expect(rows).toHaveCount(0);
});

test('a browser that kept models before runs were kept (database version 1) keeps them, and gains the runs', async ({ page }) => {
  // Before the page's own scripts: the database as version 1 of the page left it, with one saved model.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded-v1')) return;
    sessionStorage.setItem('seeded-v1', '1');
    const open = indexedDB.open('charrnn-playground', 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('meta', { keyPath: 'id' }).createIndex('textKey', 'textKey');
      db.createObjectStore('files', { keyPath: 'id' });
      open.transaction!.objectStore('meta').put({
        id: 'old:latest', textKey: 'old', textTitle: 'text:An older text', kind: 'latest', step: 7, trainBits: 3.5, validationBits: null,
        validationStep: null, cell: 'rnn', hiddenSize: 16, numLayers: 1, settings: {}, savedAt: Date.UTC(2026, 0, 2), bytes: 1234,
      });
    };
    open.onsuccess = () => open.result.close();  // or the page's upgrade would wait for it
  });
  await openPlayground(page, '#cell=rnn&hidden=16&seq=16&batch=4');
  await page.locator('#open-saves').click();
  await expect(page.locator('#saves-list [data-id="old:latest"] .saves-detail')).toContainText('Step 7 ·');
  await page.locator('#saves-dialog .dialog-close').click();
  await trainSomeSteps(page, 2);
  const rows = await openRuns(page);
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('[data-col="cell"]')).toHaveText('RNN');
  await expect(page.locator('#runs-message')).toBeHidden();  // no storage failure
});

test('a lesson without saves (hide=saves) has no Runs button and keeps no runs', async ({ page }) => {
  await openPlayground(page, '#hide=saves&cell=rnn&hidden=16&seq=16&batch=4');
  await expect(page.locator('#open-saves')).toBeHidden();
  await expect(page.locator('#open-runs')).toBeHidden();
  await trainSomeSteps(page, 2);  // a pause writes a kept run at once (the first test's reload finds it)
  // The same browser without the lesson: the Runs table has nothing from the lesson's page.
  await page.goto('./#cell=rnn&hidden=16&seq=16&batch=4');
  await page.reload();
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('#open-runs')).toBeVisible();
  const rows = await openRuns(page);
  await expect(rows).toHaveCount(0);
  await expect(page.locator('#runs-message')).toHaveText('No runs yet: train a model and it appears here.');
});
