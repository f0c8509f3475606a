// The two trained tasks on the page (issue 13): spacing restoration (many-to-many, bidirectional) and
// "who wrote this line?" (many-to-one). Each test waits for what the page promises — a held-out score
// above a floor, a matrix, a trace, a message — never for a time to pass.
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, pause, TRAINING_WAIT } from './helpers';

async function f1(page: Page): Promise<number> {
  return Number((await page.locator('#spacing-headline').getAttribute('data-f1')) || 'NaN');
}

test('spacing: a bidirectional link trains, shows the spaced held-out text, and its F1 rises', async ({ page }) => {
  await openPlayground(page, '#task=spacing&bidir=1&hidden=48');
  await expect(page.locator('#sample-panel')).toBeHidden();
  await expect(page.locator('#task-panel')).toBeVisible();
  await page.locator('#train').click();
  await expect.poll(() => f1(page), TRAINING_WAIT).toBeGreaterThan(0.6);
  await pause(page);
  await expect(page.locator('#spaced-text')).not.toBeEmpty();
  await page.screenshot({ path: 'test-results/tasks-spacing-1280.png', fullPage: true });
});

async function accuracy(page: Page): Promise<number> {
  return Number((await page.locator('#classify-headline').getAttribute('data-accuracy')) || 'NaN');
}

test('classify: "who wrote this line?" shows accuracy, the confusion matrix, the wrong lines and a trace', async ({ page }) => {
  await openPlayground(page, '#task=classify&hidden=48');
  await expect(page.locator('#preset')).toHaveValue('voices');
  await page.locator('#train').click();
  await expect.poll(() => accuracy(page), TRAINING_WAIT).toBeGreaterThan(0.8);
  await pause(page);
  await expect(page.locator('#confusion-matrix td')).toHaveCount(4);
  await expect(page.locator('#class-trace')).toBeVisible();
  await page.screenshot({ path: 'test-results/tasks-classify-1280.png', fullPage: true });
});

test('classify: a line without a tab gets the core\'s message naming the line', async ({ page }) => {
  await openPlayground(page, '#task=classify');
  await page.locator('#text').fill('a\tone line\nb\tanother\nthis line has no tab\n');
  await expect(page.locator('#text-problem')).toContainText('line 3 has no tab');
});
