// Autosave and exact resume for the tasks (issue 13): a spacing tagger and a line classifier are kept
// at a pause, offered after a reload, and continue from exactly the offered step: the held-out scores
// after two more steps are the ones a run that never stopped reaches (same seed, same steps).
// Every wait is for a state the page shows (a step, a held-out score of that step, a notice).
import { expect, test, type Page } from '@playwright/test';
import { number, openPlayground, TRAINING_WAIT } from './helpers';

interface TaskCase {
  name: string;
  hash: string;
  headline: string;  // the task panel's headline, which carries the held-out score of its step
  score: string;     // that score's data- attribute
}

const CASES: TaskCase[] = [
  { name: 'spacing (bidirectional)', hash: '#task=spacing&bidir=1&hidden=24&seq=32&batch=8&seed=5', headline: '#spacing-headline', score: 'f1' },
  { name: 'classify', hash: '#task=classify&hidden=24&batch=8&seed=5', headline: '#classify-headline', score: 'accuracy' },
];

const data = async (page: Page, selector: string, key: string) => (await page.locator(selector).getAttribute(`data-${key}`)) ?? '';

// One Step at a time up to `target`, then waits until the task panel shows the held-out scores of that
// step and the run bar the validation loss measured with them.
async function stepTo(page: Page, c: TaskCase, target: number): Promise<{ score: string; validation: string }> {
  while ((await number(page, '#stat-step')) < target) {
    const before = await number(page, '#stat-step');
    await page.locator('#step').click();
    await expect.poll(() => number(page, '#stat-step')).toBe(before + 1);
  }
  await expect.poll(() => data(page, c.headline, 'step'), TRAINING_WAIT).toBe(String(target));
  await expect(page.locator('#stat-validation')).not.toHaveText('–');
  return { score: await data(page, c.headline, c.score), validation: (await page.locator('#stat-validation').textContent())! };
}

for (const c of CASES) {
  test(`${c.name}: kept at a pause, offered after a reload, and continued from exactly the offered step`, async ({ page }) => {
    await openPlayground(page, c.hash);
    await stepTo(page, c, 3);
    await page.reload();
    await expect(page.locator('#train')).toBeEnabled();
    await expect(page.locator('#stat-step')).toHaveText('0');
    const offer = page.locator('[data-notice="autosave-restore"]');
    await expect(offer).toContainText('Latest: step 3');
    await offer.locator('button', { hasText: 'Continue the latest' }).click();
    await expect(page.locator('[data-notice="loaded"]')).toContainText('Its run continues exactly where it stopped, at step 3.');
    await expect(page.locator('#stat-step')).toHaveText('3');
    // The task, its direction and its panel came back with the model.
    await expect(page.locator(c.headline)).toBeVisible();
    const resumed = await stepTo(page, c, 5);
    expect(resumed.score).toMatch(/^\d/);

    // The same run without the interruption: a fresh model with the same seed, five steps.
    await page.locator('#reset').click();
    await expect(page.locator('#stat-step')).toHaveText('0');
    await expect.poll(() => data(page, c.headline, 'step')).toBe('0');  // the fresh model, measured before it learns
    expect(await stepTo(page, c, 5)).toEqual(resumed);
  });
}
