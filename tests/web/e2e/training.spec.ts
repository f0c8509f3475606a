// With every panel on screen and live, the page trains the default model on the English story in its
// worker, on the WebAssembly SIMD engine, and the numbers follow training as it goes. How fast —
// within 15% of the same model trained directly in node, redrawn 10 times a second — depends on the
// machine and is measured by `npm run bench` (bench/web/throughput.bench.ts).
import { expect, test } from '@playwright/test';
import { countStepChanges, FROZEN_MS, longTasksSince, now, number, openPlayground, pause, TRAINING_WAIT } from './helpers';

test('with every panel live, the page trains the default model on the SIMD engine', async ({ page }) => {
  // Tall enough that every panel is on screen and refreshing.
  await page.setViewportSize({ width: 1280, height: 4200 });
  await openPlayground(page);
  await expect(page.locator('#engine')).toContainText('WebAssembly SIMD');
  await expect(page.locator('#engine')).toHaveAttribute('title', /\(wasm-simd128\)/);

  const started = await now(page);
  await page.locator('#train').click();
  const changes = await countStepChanges(page);
  await expect.poll(changes, TRAINING_WAIT).toBeGreaterThanOrEqual(10);  // live, not only at the end
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(100);
  const speed = Number(await page.locator('#stat-speed').getAttribute('data-value'));
  expect(speed).toBeGreaterThan(0);
  const paused = await pause(page);
  expect(paused).toBeGreaterThan(100);
  expect(Number(await page.locator('#stat-train').textContent())).toBeLessThan(Math.log2(await number(page, '#text-vocab')));
  expect((await longTasksSince(page, started)).filter((t) => t.duration > FROZEN_MS)).toEqual([]);
});
