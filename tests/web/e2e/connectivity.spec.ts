// The connectivity view in the real page and the real wasm module: opened from a link, a click on a
// character shades every character up to it by the prediction's dependence, the arrow keys move the
// pick, and the shades change while the model trains. Screenshots at 1280 and 390 px go to
// artifacts/screenshots/ to be looked at.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { number, openPlayground, TRAINING_WAIT } from './helpers';

const SHOTS = 'artifacts/screenshots';

// The shade of every character in the row ('' where none: after the pick, or while asking).
async function shadesOf(page: Page): Promise<string[]> {
  return page.locator('#connectivity-strip button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.shade ?? ''));
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('#view-connectivity').evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -160);  // below the sticky run bar
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('connectivity: a picked position shades the characters before it, by keyboard too, live while training', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page, '#cell=lstm&hidden=48&seq=32&view=connectivity');
  await expect(page.locator('#view-connectivity')).toBeVisible();
  await expect(page.locator('#tab-connectivity')).toHaveAttribute('aria-selected', 'true');
  await page.locator('#step').click();
  await expect(page.locator('#connectivity-status')).toContainText('(step 1)');

  await page.locator('#connectivity-strip button').nth(12).click();
  await expect(page.locator('#connectivity-status')).toContainText(/^Position 13 of \d+, after /);
  await expect.poll(async () => (await shadesOf(page)).filter((s) => s !== '').length).toBe(13);
  const first = await shadesOf(page);
  expect(first.slice(13).every((s) => s === '')).toBe(true);     // nothing after the pick
  expect(first.slice(0, 13).some((s) => Number(s) === 1)).toBe(true);  // the largest is shade 1
  await expect(page.locator('#connectivity-caption')).toContainText('the prediction depends most on');
  await expect(page.locator('#connectivity-strip button').nth(12)).toHaveAttribute('aria-label', /^character 13: .*, dependence 100% of the largest$/);

  // The arrow keys move the pick (and the focus with it).
  await page.locator('#connectivity-strip button').nth(12).press('ArrowLeft');
  await expect(page.locator('#connectivity-status')).toContainText(/^Position 12 of /);
  await expect(page.locator('#connectivity-strip button').nth(11)).toBeFocused();
  await expect.poll(async () => (await shadesOf(page)).filter((s) => s !== '').length).toBe(12);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await shadesOf(page)).filter((s) => s !== '').length).toBe(13);
  const before = (await shadesOf(page)).join(',');

  // Live while training: the same pick, new weights, new shades.
  await page.locator('#train').click();
  await expect.poll(async () => (await shadesOf(page)).join(','), TRAINING_WAIT).not.toBe(before);
  expect(await number(page, '#stat-step')).toBeGreaterThan(1);
  await expect(page.locator('#connectivity-status')).toContainText(/^Position 13 of /);
  await page.locator('#train').click();

  await page.setViewportSize({ width: 1280, height: 900 });
  await shoot(page, 'connectivity-1280');
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, 'connectivity-390');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(errors).toEqual([]);
});
