// Start-up never dies silently. A browser language tag that Intl rejects (WebKitGTK under a C locale
// reports "C") still gives a working page; anything that stops the modules from loading ends in a
// plain message that says what happened and what to try, not in a page that looks like it is starting.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { number, openPlayground, TRAINING_WAIT } from './helpers';

// The browser reports this tag, as WebKitGTK does from the process locale: a getter on the prototype,
// exactly where the real one lives.
async function browserLanguage(page: Page, tag: string): Promise<void> {
  await page.addInitScript((t) => {
    Object.defineProperty(Navigator.prototype, 'language', { get: () => t, configurable: true });
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => (t === '' ? [] : [t]), configurable: true });
  }, tag);
}

// Pixels of the smoothed training curve's colour (#4f46e5) on the loss chart's canvas.
async function lossCurvePixels(page: Page): Promise<number> {
  return page.locator('#loss-chart canvas').first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 79) < 12 && Math.abs(d[i + 1] - 70) < 12 && Math.abs(d[i + 2] - 229) < 12) n++;
    return n;
  });
}

const BAD_TAGS: [string, string][] = [['C', 'en'], ['', 'en'], ['en_US', 'en-US'], ['C.UTF-8', 'en']];

for (const [tag, usable] of BAD_TAGS) {
  test(`the page starts and trains when the browser's language is ${JSON.stringify(tag)}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await browserLanguage(page, tag);
    await openPlayground(page);
    // Libraries that read navigator.language now read a tag Intl takes.
    expect(await page.evaluate(() => navigator.language)).toBe(usable);
    expect(await lossCurvePixels(page)).toBe(0);

    await page.locator('#train').click();
    await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThanOrEqual(30);
    await page.locator('#train').click();
    await expect(page.locator('#train')).toHaveText('Train');
    await expect(page.locator('.chart-empty')).toBeHidden();
    await expect.poll(() => lossCurvePixels(page)).toBeGreaterThan(50);
    await expect(page.locator('#startup-failure')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}

const MAIN_CHUNK = /\/assets\/main-[^/]*\.js$/;

async function expectStartupFailure(page: Page, said: string | RegExp): Promise<void> {
  const failure = page.locator('#startup-failure');
  await expect(failure).toBeVisible();
  await expect(failure).toHaveAttribute('role', 'alert');
  await expect(failure.locator('h2')).toHaveText('The playground could not start');
  await expect(failure.locator('code')).toHaveText(said);
  await expect(failure).toContainText('Reload the page first');
  await expect(failure).toContainText('another browser');
  await expect(failure).toContainText('Please report it');
  // Nothing left that looks like a page still starting.
  await expect(page.locator('#engine')).toHaveText('Did not start');
  for (const id of ['text-panel', 'controls-panel', 'chart-panel', 'heatmap-panel', 'runbar', 'open-saves', 'open-runs', 'open-share']) await expect(page.locator(`#${id}`)).toBeHidden();
}

test('a module that throws while the page loads ends in a plain message, and Reload then starts the page', async ({ page }) => {
  let served = 0;
  await page.route(MAIN_CHUNK, (route) => {
    served++;
    return route.fulfill({ contentType: 'text/javascript', body: 'throw new RangeError("invalid language tag: C");' });
  });
  await page.goto('./');
  await expectStartupFailure(page, 'RangeError: invalid language tag: C');
  expect(served).toBe(1);
  mkdirSync('artifacts/screenshots', { recursive: true });
  await page.screenshot({ path: 'artifacts/screenshots/startup-failure.png' });

  await page.unroute(MAIN_CHUNK);
  await page.locator('#startup-failure button', { hasText: 'Reload the page' }).click();
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('#startup-failure')).toHaveCount(0);
});

test('a module that does not arrive ends in the same message', async ({ page }) => {
  await page.route(MAIN_CHUNK, (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto('./');
  await expectStartupFailure(page, /main-[^/]*\.js/);  // the browser's words name the missing file
});

test('an unhandled rejection while the modules load, with the page left waiting, ends in the message', async ({ page }) => {
  // A module whose start-up promise fails unhandled and never finishes loading: without the message,
  // the page would say "Starting the engine…" for ever.
  await page.route(MAIN_CHUNK, (route) => route.fulfill({
    contentType: 'text/javascript',
    body: 'Promise.reject(new TypeError("storage is not available")); await new Promise(() => {});',
  }));
  await page.goto('./');
  await expectStartupFailure(page, 'TypeError: storage is not available');
});
