// Everything that cannot go on says so clearly and offers a way out: a text too short for the
// window, a run whose loss blows up, an engine that fails.
import { expect, test } from '@playwright/test';
import { number, openPlayground, TRAINING_WAIT } from './helpers';

test('a text too short for the window is explained, with fixes that work', async ({ page }) => {
  await openPlayground(page);
  await page.locator('#text').fill('hello world');
  const problem = page.locator('#text-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('The text is too short to train on: 11 training characters');
  await expect(problem).toContainText('batch 16 × (sequence length 64 + 1) needs 1040');
  await expect(page.locator('#train')).toBeDisabled();
  await expect(page.locator('#run-status')).toContainText('Can’t train yet');

  await problem.locator('button', { hasText: 'Use batch 1, sequence length 10' }).click();
  await expect(problem).toBeHidden();
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('input[data-key="batch"]')).toHaveValue('1');
  await expect(page.locator('input[data-key="seqLen"]')).toHaveValue('10');
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(1);

  await page.locator('#text').fill('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  await expect(page.locator('#text-pending')).toBeVisible();  // the model has trained: rebuilding is asked for
  await page.locator('#apply-text').click();
  await expect(problem).toContainText('only one distinct character');
  await problem.locator('button', { hasText: 'Use the english story' }).click();
  await expect(page.locator('#preset')).toHaveValue('story');
  await expect(page.locator('#train')).toBeEnabled();
});

test('a diverging run stops, keeps earlier weights, and continues with a lower learning rate', async ({ page }) => {
  await openPlayground(page, '#lr=1');
  await page.locator('#train').click();
  const notice = page.locator('[data-notice="stop"]');
  await expect(notice).toBeVisible(TRAINING_WAIT);
  await expect(notice).toContainText('training diverged');
  await expect(notice).toContainText('A lower learning rate usually fixes this');
  await expect(notice).toContainText(/The weights went back to step \d+/);
  await expect(page.locator('#train')).toHaveText('Train');
  const restored = Number((await notice.textContent())!.match(/went back to step ([\d,]+)/)![1].replace(/,/g, ''));
  expect(await number(page, '#stat-step')).toBe(restored);

  await notice.locator('button', { hasText: 'Continue with learning rate 0.1' }).click();
  await expect(page.locator('input[data-key="learningRate"]')).toHaveValue('0.1');
  await expect(page.locator('#train')).toHaveText('Pause');
  await expect(notice).toBeHidden();
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(restored + 20);
  await page.locator('#train').click();
  await expect(notice).toBeHidden();
});

test('an engine that cannot start is reported, and a restart keeps the text and settings', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a wasm module') }));
  await page.goto('./#hidden=64&seed=5');
  const notice = page.locator('[data-notice="fatal"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The training engine stopped');
  await expect(page.locator('#engine')).toHaveText('Engine stopped');
  await expect(page.locator('#train')).toBeDisabled();
  await page.locator('#text').fill('my own words, kept across the restart. '.repeat(40));

  await page.unroute('**/*.wasm');
  await notice.locator('button', { hasText: 'Restart the engine' }).click();
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('[data-notice="restarted"]')).toBeVisible();
  await expect(page.locator('#text')).toHaveValue(/^my own words/);
  await expect(page.locator('input[data-key="hiddenSize"]')).toHaveValue('64');
  await expect(page.locator('input[data-key="seed"]')).toHaveValue('5');
  await expect(page.locator('#run-status')).toContainText('LSTM 64 ready');
});

test('a worker script that fails to load is reported the same way', async ({ page }) => {
  await page.route(/worker-[^/]*\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('./');
  await expect(page.locator('[data-notice="fatal"]')).toBeVisible();
  await page.unroute(/worker-[^/]*\.js$/);
  await page.locator('[data-notice="fatal"] button', { hasText: 'Restart the engine' }).click();
  await expect(page.locator('#train')).toBeEnabled();
});
