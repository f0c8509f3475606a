import { expect, test } from '@playwright/test';

test('the page loads the wasm module in a worker, trains on pasted text and shows the loss falling', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page.locator('#train')).toHaveText('Train', { timeout: 15_000 });
  await expect(page.locator('#status')).toContainText('wasm-simd128');
  await page.locator('#text').fill('abcabcabd '.repeat(200));
  await page.locator('#train').click();
  await expect(page.locator('#loss')).toContainText('bits/char');
  const bits = async () => parseFloat((await page.locator('#loss').textContent()) ?? 'NaN');
  const first = await bits();
  await expect.poll(bits, { timeout: 20_000 }).toBeLessThan(Math.min(first, 1.0));
  await page.locator('#train').click();  // pause
  await expect(page.locator('#train')).toHaveText('Train');
  expect(errors).toEqual([]);
});
