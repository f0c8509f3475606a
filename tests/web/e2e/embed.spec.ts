// Embedding: a course page on another origin (a tiny server on another port) shows the playground in
// an iframe, drives it through the postMessage API and receives its events; pages and messages the
// link did not allow are ignored.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TRAINING_WAIT } from './helpers';

const SHOTS = 'artifacts/screenshots';
// The two course pages' ports: free ones the system picks, so two checkouts can run this at once.
let HOST_PORT = 0;
let OTHER_PORT = 0;
const HOST_DIR = join(import.meta.dirname, 'host');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

let servers: Server[] = [];

test.beforeAll(async () => {
  servers = await Promise.all([0, 1].map(() => new Promise<Server>((resolve) => {
    const server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\//, '') || 'host.html';
      if (!['host.html', 'host.js', 'host.css'].includes(name)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[name.slice(name.lastIndexOf('.'))] });
      res.end(readFileSync(join(HOST_DIR, name)));
    });
    server.listen(0, 'localhost', () => resolve(server));
  })));
  [HOST_PORT, OTHER_PORT] = servers.map((s) => (s.address() as AddressInfo).port);
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

interface Event { type: string; step?: number; bitsPerChar?: number | null; loss?: number | null; phase?: string; id?: unknown }

async function openHost(page: Page, hostPort: number, playgroundHash: string, baseURL: string): Promise<void> {
  const src = `${baseURL}${playgroundHash}`;
  await page.goto(`http://localhost:${hostPort}/host.html?src=${encodeURIComponent(src)}`);
  await expect(page.frameLocator('iframe').locator('#train')).toBeEnabled();
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: Event[] }).__events);
const send = (page: Page, message: unknown) => page.evaluate((m) => (window as unknown as { send(m: unknown): void }).send(m), message);
const command = (type: string, extra: object = {}) => ({ api: 'charrnn-playground', v: 1, type, ...extra });

test('a course page on another origin starts and pauses training and receives progress', async ({ page, baseURL }) => {
  await openHost(page, HOST_PORT, `#embed=1&panels=loss,samples&origin=http://localhost:${HOST_PORT}`, baseURL!);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.site-header')).toBeHidden();
  await expect(frame.locator('#text-panel')).toBeHidden();
  await expect.poll(async () => (await events(page)).some((e) => e.type === 'ready')).toBe(true);
  const ready = (await events(page)).find((e) => e.type === 'ready')!;
  expect(ready).toMatchObject({ api: 'charrnn-playground', v: 1, step: 0, cell: 'lstm', hiddenSize: 128, numLayers: 1 });

  // Not our schema: ignored, even from the allowed origin.
  await send(page, { type: 'start' });
  await send(page, { ...command('start'), extra: 1 });
  // Messages are handled in the order sent: once a later question is answered, those were handled.
  await send(page, command('getState', { id: 'after-bad' }));
  await expect.poll(async () => (await events(page)).find((e) => e.type === 'state' && e.id === 'after-bad')).toMatchObject({ phase: 'ready', step: 0 });
  await expect(frame.locator('#stat-step')).toHaveText('0');

  await page.locator('#host-start').click();
  await expect.poll(async () => (await events(page)).filter((e) => e.type === 'progress' && (e.step ?? 0) > 20).length, TRAINING_WAIT).toBeGreaterThan(0);
  const progress = (await events(page)).filter((e) => e.type === 'progress').pop()!;
  expect(progress.bitsPerChar).toBeGreaterThan(0);
  expect(progress.loss).toBeCloseTo(progress.bitsPerChar! * Math.LN2, 5);
  await expect(frame.locator('#train')).toHaveText('Pause');
  await expect(page.locator('#host-status')).toContainText('bits/char');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/embed-host-1280.png` });

  await page.locator('#host-pause').click();
  await expect.poll(async () => (await events(page)).some((e) => e.type === 'paused')).toBe(true);
  await expect(frame.locator('#train')).toHaveText('Train');
  const paused = (await events(page)).find((e) => e.type === 'paused')!;

  await send(page, command('getState', { id: 'q1' }));
  await expect.poll(async () => (await events(page)).some((e) => e.type === 'state' && e.id === 'q1')).toBe(true);
  const state = (await events(page)).find((e) => e.type === 'state' && e.id === 'q1')! as Event & { settings: Record<string, unknown> };
  expect(state).toMatchObject({ id: 'q1', phase: 'ready' });
  expect(state.step).toBeGreaterThanOrEqual(paused.step!);
  expect(state.settings).toMatchObject({ cell: 'lstm', hiddenSize: 128, seed: 1 });

  await send(page, command('step'));
  await expect(frame.locator('#stat-step')).toHaveText(String(state.step! + 1));

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/embed-host-390.png`, fullPage: true });
});

test('a page on an origin the link did not allow can neither drive it nor hear it', async ({ page, baseURL }) => {
  // Allowed: 4381. The page is served from 4382.
  await openHost(page, OTHER_PORT, `#embed=1&origin=http://localhost:${HOST_PORT}`, baseURL!);
  await page.locator('#host-start').click();
  await send(page, command('getState'));
  // Nothing answers a page that may not ask, so there is no reply to wait for: room for a wrong
  // answer to show (this wait cannot fail a right page).
  await page.waitForTimeout(2000);
  await expect(page.frameLocator('iframe').locator('#stat-step')).toHaveText('0');
  await expect(page.frameLocator('iframe').locator('#train')).toHaveText('Train');
  expect(await events(page)).toEqual([]);
});

test('without an origin in the link, no page may drive it', async ({ page, baseURL }) => {
  await openHost(page, HOST_PORT, '#embed=1', baseURL!);
  await page.locator('#host-start').click();
  await page.waitForTimeout(2000);  // room for a wrong start to show (as above)
  await expect(page.frameLocator('iframe').locator('#stat-step')).toHaveText('0');
  expect(await events(page)).toEqual([]);
});

test('the embed layout fits its box, wide and narrow', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('./#embed=1');
    await expect(page.locator('#train')).toBeEnabled();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('#embed-open')).toBeVisible();
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll).toBeLessThanOrEqual(inner);
    await page.screenshot({ path: `${SHOTS}/embed-${width}.png` });
  }
});
