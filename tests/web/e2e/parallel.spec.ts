// Data-parallel training in the page (issue 15): with #workers=2 the playground's worker shares every
// step with a replica worker. It trains (the steps advance, the loss falls), says it uses two workers
// and what each holds, and the same seed and worker count give the same run, loss for loss (and another
// count the same run up to float rounding).
import { expect, test, type Page } from '@playwright/test';
import { number, openPlayground, pause, TRAINING_WAIT } from './helpers';

const SMALL = 'hidden=48&seq=32&batch=8';
const SHOTS = 'artifacts/screenshots';  // looked at by a person, not compared

declare global {
  interface Window {
    __losses: number[];
  }
}

// Records every training loss the page's worker reports, in order.
async function recordLosses(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__losses = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const d = e.data as { type?: string; event?: { type: string; progress?: { losses: Float32Array } } } | null;
          if (d?.type === 'event' && d.event?.type === 'progress' && d.event.progress) window.__losses.push(...d.event.progress.losses);
        });
      }
    };
  });
}

// Presses Step `count` times, each after the engine said it stopped at the previous one.
async function stepTimes(page: Page, count: number): Promise<number[]> {
  for (let i = 1; i <= count; i++) {
    await page.locator('#step').click();
    await expect.poll(() => page.evaluate(() => window.__fromWorker.filter((m) => m.type === 'paused').pop()?.step), TRAINING_WAIT).toBe(i);
  }
  return page.evaluate(() => window.__losses);
}

test('with workers=2 the page trains on two workers and says what each holds', async ({ page }) => {
  await recordLosses(page);
  await openPlayground(page, `#workers=2&${SMALL}`);
  await expect(page.locator('select[data-key="workers"]')).toHaveValue('2');
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(60);
  const paused = await pause(page);
  expect(paused).toBeGreaterThan(60);
  const losses = await page.evaluate(() => window.__losses);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 5)) - 0.5);  // nats per character
  await expect(page.locator('#engine')).toHaveText(/^WebAssembly SIMD · 2 workers · [\d.]+ MiB$/);
  await page.locator('#engine').screenshot({ path: `${SHOTS}/parallel-engine-badge.png` });
  await expect(page.locator('#engine')).toHaveAttribute('title', /^Training runs in 2 background workers \(wasm-simd128\); memory in use: [\d.]+ MiB in all \(each worker: [\d.]+ MiB, [\d.]+ MiB\)$/);
});

test('the same seed and two workers give the same run, step for step', async ({ browser }) => {
  const runs: number[][] = [];
  for (const workers of [2, 2, 1, 3]) {
    const page = await browser.newPage();
    await recordLosses(page);
    await openPlayground(page, `#workers=${workers}&seed=7&${SMALL}`);
    runs.push(await stepTimes(page, 6));
    if (workers > 1) await expect(page.locator('#engine')).toHaveAttribute('title', new RegExp(`${workers} background workers`));
    await page.close();
  }
  expect(runs[0]).toHaveLength(6);
  expect(runs[0].every(Number.isFinite)).toBe(true);
  expect(runs[1]).toEqual(runs[0]);
  // One worker trains the same model on the whole batch, and three share it another way: the same
  // losses up to float rounding.
  runs[2].forEach((loss, i) => expect(loss).toBeCloseTo(runs[0][i], 4));
  runs[3].forEach((loss, i) => expect(loss).toBeCloseTo(runs[0][i], 4));
});

// A replica worker that dies (an exception nobody catches, as in crash.spec.ts) costs no finished step:
// the page says so, training goes on with one worker fewer, and Train again brings both back.
test('a training worker that dies is reported; training goes on with one worker and keeps every step', async ({ page }) => {
  await openPlayground(page, `#workers=2&seed=3&${SMALL}`);
  await page.locator('#train').click();
  await expect(page.locator('#engine')).toHaveAttribute('title', /2 background workers/, TRAINING_WAIT);
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(10);
  await expect.poll(() => page.workers().filter((w) => /replica/.test(w.url())).length).toBe(1);
  const replica = page.workers().find((w) => /replica/.test(w.url()))!;
  const before = await number(page, '#stat-step');
  await replica.evaluate(() => setTimeout(() => {
    throw new Error('simulated crash');
  }, 0));

  const notice = page.locator('[data-notice="worker-lost"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('A training worker stopped');
  await expect(notice).toContainText('simulated crash');
  await expect(notice).toContainText('Training goes on in one worker. Every finished step is kept');
  await expect(page.locator('[data-notice="fatal"]')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/parallel-worker-lost.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await notice.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/parallel-worker-lost-phone.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  // Still training, from where it was, on the page's worker alone.
  await expect(page.locator('#train')).toHaveText('Pause');
  const after = await number(page, '#stat-step');
  expect(after).toBeGreaterThanOrEqual(before);
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(after + 10);
  await expect(page.locator('#engine')).not.toHaveAttribute('title', /background workers/);
  await expect.poll(() => page.workers().filter((w) => /replica/.test(w.url())).length).toBe(0);

  // Pause and Train: the two workers the setting asks for, again.
  const paused = await pause(page);
  await page.locator('#train').click();
  await expect(page.locator('#engine')).toHaveAttribute('title', /2 background workers/, TRAINING_WAIT);
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(paused + 10);
});
