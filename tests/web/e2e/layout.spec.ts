// How the page looks and where it may run: screenshots at laptop and phone sizes (saved under
// artifacts/screenshots/ to be looked at), no sideways scrolling, static files from a sub-path under a
// strict Content-Security-Policy, and no request to any other origin.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { canvasColours, number, openPlayground, TRAINING_WAIT } from './helpers';

const SHOTS = 'artifacts/screenshots';

async function trainFor(page: Page, steps: number) {
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThanOrEqual(steps);
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Train');
  await expect(page.locator('#stat-validation')).not.toHaveText('–');
}

async function noSidewaysScroll(page: Page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(inner);
}

for (const [name, width, height] of [['laptop', 1280, 800], ['phone', 390, 844]] as const) {
  test(`looks finished at ${width}×${height} (${name})`, async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height });
    await openPlayground(page);
    await page.screenshot({ path: `${SHOTS}/${name}-start.png` });
    await trainFor(page, 250);
    await page.locator('#heatmap-panel').scrollIntoViewIfNeeded();
    await expect(page.locator('canvas[data-gate="h"]')).toBeVisible();  // painted once in view
    await page.evaluate(() => window.scrollTo(0, 0));
    await noSidewaysScroll(page);
    // Every panel is on the page and none pokes out of the viewport's width.
    for (const id of ['text-panel', 'controls-panel', 'chart-panel', 'sample-panel', 'probe-panel', 'heatmap-panel']) {
      const box = (await page.locator(`#${id}`).boundingBox())!;
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: `${SHOTS}/${name}-trained.png` });
    await page.screenshot({ path: `${SHOTS}/${name}-trained-full.png`, fullPage: true });
    await page.locator('#heatmap-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(() => canvasColours(page, 'i')).toBeGreaterThan(20);
    await page.locator('canvas[data-gate="f"]').hover();
    await expect(page.locator('#heat-tooltip')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/${name}-heatmaps.png` });
    await page.locator('#probe-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/${name}-probe.png` });
  });
}

test('runs from a sub-path under a strict CSP, with no request to another origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  // Serve dist/ under /some/deep/path/ as a static host would, with the strictest policy the page
  // is meant to live under: no inline script or style, no eval (wasm needs its own permission).
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";
  await page.route(`${origin}/some/deep/path/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${origin}${url.pathname.replace('/some/deep/path', '')}` });
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${origin}/some/deep/path/`);
  await expect(page.locator('#train')).toBeEnabled();
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(1);
  await page.locator('#heatmap-panel').scrollIntoViewIfNeeded();
  await expect(page.locator('canvas[data-gate="h"]')).toBeVisible();
  expect(violations).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
  for (const r of requests) expect(r.startsWith(`${origin}/some/deep/path/`) || r.startsWith('data:') || r.startsWith('blob:'), r).toBe(true);
});

test('pasted text is shown as text, never parsed as markup', async ({ page }) => {
  await openPlayground(page);
  const evil = '<img src=x onerror="window.__owned=1"><b>bold</b> '.repeat(30);
  await page.locator('#text').fill(evil);
  await expect(page.locator('#run-status')).toContainText('ready');
  await page.locator('#probe').fill('<img src=x onerror="window.__owned=1">');
  await page.locator('#heat-text').fill('<b>bold</b><img src=x onerror="window.__owned=1">');
  await page.locator('#heat-text').blur();
  await page.locator('#sample-now').click();
  await page.locator('#step').click();
  await expect(page.locator('#neuron-text, .sample-text').first()).toBeAttached();
  await expect(page.locator('.vocab-chips .chip', { hasText: '<' })).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
  expect(await page.locator('main img, main b').count()).toBe(0);
});
