// The teaching views in the real page and the real wasm module: every view opens from a link and
// scrolls into sight, updates while the model trains, and the compare view keeps the page responsive
// while three extra models train. Screenshots of each view go to artifacts/screenshots/ to be looked at.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { FROZEN_MS, longTasksSince, now, number, openPlayground, openTeachView, TRAINING_WAIT } from './helpers';

const SHOTS = 'artifacts/screenshots';
const VIEWS = ['shapes', 'equations', 'softmax', 'anatomy', 'activations', 'gradients', 'connectivity', 'clipping', 'forget-bias', 'dropout', 'compare', 'gradient-check'];

// The pixels of the first canvas inside `selector` (uPlot draws one per chart).
async function pixels(page: Page, selector: string): Promise<string> {
  return page.locator(`${selector} canvas`).first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
}

async function inViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  });
}

async function openTab(page: Page, id: string): Promise<void> {
  await openTeachView(page, id);
  await page.locator(`#view-${id}`).scrollIntoViewIfNeeded();
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('#teach-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('every teaching view opens from a link, scrolls into sight and says so in the URL', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page, '#view=gradients');
  await expect(page.locator('#view-gradients')).toBeVisible();
  await expect(page.locator('#tab-gradients')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => inViewport(page, '#view-gradients')).toBe(true);
  await expect(page.locator('#teach-intro')).toBeHidden();
  for (const id of VIEWS) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate((v) => (location.hash = `#view=${v}`), id);  // a link followed within the page
    await expect(page.locator(`#view-${id}`)).toBeVisible();
    await expect(page.locator(`#tab-${id}`)).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => inViewport(page, `#view-${id}`)).toBe(true);
    await expect(page.locator(`#view-${id} .teach-link`)).toHaveAttribute('href', `#view=${id}`);
    expect(await page.locator('.teach-view:visible').count()).toBe(1);
  }
  // Choosing a tab is remembered in the link, next to the other settings.
  await page.locator('#tab-softmax').click();
  await expect(page).toHaveURL(/view=softmax/);
  await page.locator('#tab-softmax').press('ArrowRight');
  await expect(page.locator('#tab-anatomy')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.locator('#tab-softmax').click();  // the open tab again closes it
  await expect(page.locator('#teach-intro')).toBeVisible();
  await expect(page).not.toHaveURL(/view=/);
  expect(errors).toEqual([]);
});

test('the live views follow training: gradients, clipping, anatomy, softmax, dropout, equations', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page, '#cell=rnn&hidden=64&seq=48&view=gradients');
  await expect(page.locator('#gradients-status')).toContainText('Train (or press Step)');
  await page.locator('#step').click();
  await expect(page.locator('#gradients-status')).toContainText('step 1)');
  await expect(page.locator('#gradients-caption')).toContainText('Hidden state, layer 1:');
  await expect(page.locator('#teach-seqlen')).toHaveValue('48');
  await expect(page.locator('#gradients-window')).toContainText('48 characters long');

  await page.locator('#train').click();
  // Gradients: the chart of the newest window is redrawn as training goes on.
  const g1 = await pixels(page, '#gradients-chart');
  await expect.poll(() => pixels(page, '#gradients-chart')).not.toBe(g1);
  await expect.poll(async () => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(30);
  await expect(page.locator('#gradients-caption')).toContainText(/vanishing|kept|exploding/);

  // Clipping: the norms of every step, the threshold from the settings, a share.
  await openTab(page, 'clipping');
  await expect(page.locator('#clipping-status')).toContainText('The last');
  const c1 = await page.locator('#clipping-status').textContent();
  await expect.poll(() => page.locator('#clipping-status').textContent()).not.toBe(c1);
  await expect(page.locator('#teach-clip')).toHaveValue('5');
  await page.locator('#teach-clip').fill('0.5');
  await page.locator('#teach-clip').press('Enter');
  await expect(page).toHaveURL(/clip=0\.5/);
  await expect(page.locator('#clipping-share')).toContainText('Clipped by the trainer');

  // Cell anatomy: the traces of one unit follow the weights.
  await openTab(page, 'anatomy');
  await expect(page.locator('#anatomy-charts .teach-small')).toHaveCount(1);  // a plain RNN: h only
  await expect(page.locator('#anatomy-status')).toContainText('weights of step');
  const a1 = await page.locator('#anatomy-status').textContent();
  await expect.poll(() => page.locator('#anatomy-status').textContent()).not.toBe(a1);
  await page.locator('#anatomy-unit').fill('3');
  await page.locator('#anatomy-unit').press('Enter');
  await expect(page.locator('#anatomy-status')).toContainText('Unit 3 of 64');

  // One-hot and softmax: the distribution follows training and, at once, the temperature slider.
  await openTab(page, 'softmax');
  await expect(page.locator('#softmax-out')).toContainText('At τ = 0.80');
  const s1 = await page.locator('#softmax-output').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await expect.poll(() => page.locator('#softmax-output').evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(s1);
  await page.locator('#train').click();  // paused: the slider alone must change the picture
  await expect(page.locator('#train')).toHaveText('Train');
  await expect(page.locator('#softmax-out')).not.toContainText('Asking');
  const before = await page.locator('#softmax-output').evaluate((c: HTMLCanvasElement) => c.toDataURL());
  await page.locator('#softmax-temperature').fill('0.2');
  await expect(page.locator('#softmax-out')).toContainText('At τ = 0.20');
  expect(await page.locator('#softmax-output').evaluate((c: HTMLCanvasElement) => c.toDataURL())).not.toBe(before);
  await expect(page).toHaveURL(/temp=0\.2/);
  await page.locator('#softmax-strip .teach-char[data-step="5"]').click();
  await expect(page.locator('#softmax-status')).toContainText('Step 6 of');
  await expect(page.locator('#softmax-in')).toContainText('a 1 there');
  await shoot(page, 'teach-softmax-laptop');

  // Dropout: the toggle changes the training setting and the diagram; the gap is measured.
  await openTab(page, 'dropout');
  await expect(page.locator('#dropout-diagram [data-edge="recurrent"]')).toHaveCount(2);
  await expect(page.locator('#dropout-diagram [data-edge="dropout"]')).toHaveCount(3);
  await expect(page.locator('#dropout-status')).toHaveText('Dropout is off.');
  await page.locator('#dropout-toggle').check();
  await expect(page.locator('#dropout-status')).toHaveText('Dropout is on: p = 0.3.');
  await expect(page).toHaveURL(/drop=0\.3/);
  await expect(page.locator('#dropout-diagram line[stroke="#dc2626"]')).toHaveCount(3);
  await expect(page.locator('#dropout-diagram [data-edge="recurrent"][stroke="#dc2626"]')).toHaveCount(0);
  await page.locator('#train').click();
  await expect(page.locator('#dropout-gap')).toContainText('With dropout 0.3', TRAINING_WAIT);
  await page.locator('#train').click();
  await shoot(page, 'teach-dropout-laptop');

  // Equations: the cell in use.
  await openTab(page, 'equations');
  await expect(page.locator('#equations-status')).toHaveText('plain RNN, 1 layer.');
  await expect(page.locator('#equations-list .equation')).toHaveCount(5);
  await expect(page.locator('#equations-list [data-lhs="h_t"] sub').first()).toHaveText('t');
  expect(errors).toEqual([]);
});

test('gradient check, forget-gate bias and compare cells; the page stays responsive while three models train', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page, '#hidden=32&view=gradient-check');
  await page.locator('#step').click();
  await page.locator('#gradcheck-run').click();
  await expect(page.locator('#gradcheck-verdict')).toContainText('Backprop is right');
  await expect(page.locator('#gradcheck-table tbody tr')).toHaveCount(18);  // 6 tensors × 3 entries
  await expect(page.locator('#gradcheck-table tr[data-verdict="disagrees"]')).toHaveCount(0);
  await shoot(page, 'teach-gradient-check-laptop');

  // Forget-gate bias: two fresh LSTMs read the grid text; their forget gates average about σ(0) = 0.5
  // and σ(1) ≈ 0.73 (about: the inputs move each gate a little, so the mean depends on the text).
  await openTab(page, 'forget-bias');
  const caption = page.locator('#forget-caption');
  await expect(caption).toContainText(/forget gate \d\.\d\d with bias 0 and \d\.\d\d with bias 1/);
  const [f0, f1] = /forget gate (\d\.\d\d) with bias 0 and (\d\.\d\d) with bias 1/.exec((await caption.textContent())!)!.slice(1).map(Number);
  expect(Math.abs(f0 - 0.5)).toBeLessThanOrEqual(0.03);
  expect(Math.abs(f1 - 1 / (1 + Math.exp(-1)))).toBeLessThanOrEqual(0.03);
  await page.locator('#forget-train').click();
  await expect(page.locator('#forget-bias-status')).toContainText(/at step (2\d\d|[3-9]\d\d)/, TRAINING_WAIT);
  await expect(page.locator('#forget-train')).toBeEnabled();
  await shoot(page, 'teach-forget-bias-laptop');

  // Compare cells: three extra workers train in turns; the learner's model is paused meanwhile, and
  // the page never freezes. (How smooth its frames stay is measured by `npm run bench`:
  // bench/web/responsiveness.bench.ts — frame gaps depend on the machine.)
  await openTab(page, 'compare');
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Pause');
  await page.locator('#compare-start').click();
  await expect(page.locator('#train')).toHaveText('Train');
  await expect(page.locator('#compare-samples .compare-column')).toHaveCount(3);
  const started = await now(page);
  const c1 = await pixels(page, '#compare-chart');
  await expect.poll(() => pixels(page, '#compare-chart')).not.toBe(c1);
  await expect(page.locator('#compare-status')).toContainText('Training in turns');
  for (const cell of ['rnn', 'lstm', 'gru']) {
    await expect(page.locator(`.compare-column[data-cell="${cell}"] .compare-sample`)).not.toHaveText(/Building|A sample appears/, TRAINING_WAIT);
  }
  // All three train: each passes step 10 (in turns, so none is left behind).
  const compareSteps = async () => (await page.locator('.compare-meta').allTextContents()).map((s) => Number(/step ([\d,]+)/.exec(s)?.[1].replace(/,/g, '') ?? 0));
  await expect.poll(compareSteps).toHaveLength(3);
  await expect.poll(async () => Math.min(...(await compareSteps())), TRAINING_WAIT).toBeGreaterThan(10);
  // Each cell traces the same prediction of the probe text: a shaded row per column (the connectivity view).
  for (const cell of ['rnn', 'lstm', 'gru']) {
    await expect(page.locator(`.compare-column[data-cell="${cell}"] .compare-dependence .conn-mini`).first()).toBeVisible(TRAINING_WAIT);
    await expect(page.locator(`.compare-column[data-cell="${cell}"] .compare-dependence`)).toHaveAttribute('aria-label', /characters? back$/);
  }
  const longTasks = (await longTasksSince(page, started)).map((t) => Math.round(t.duration));
  console.log(`compare cells: long tasks ${longTasks.join(', ') || 'none'} ms`);
  expect(longTasks.filter((d) => d > FROZEN_MS)).toEqual([]);
  await shoot(page, 'teach-compare-laptop');

  // Closing the view ends the three models; opening it again starts from nothing.
  await openTab(page, 'equations');
  await openTab(page, 'compare');
  await expect(page.locator('#compare-status')).toContainText('Press “Train all three”');
  expect(errors).toEqual([]);
});

test('the teaching views look finished on a phone (390 px)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page, '#view=gradients');
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThan(60);
  await page.locator('#train').click();
  for (const id of ['gradients', 'anatomy', 'softmax', 'dropout']) {
    if (id !== 'gradients') await openTab(page, id);
    await expect(page.locator(`#${id}-status`)).not.toBeEmpty();
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, id).toBeLessThanOrEqual(inner);
    const box = (await page.locator(`#view-${id}`).boundingBox())!;
    expect(box.x + box.width, id).toBeLessThanOrEqual(390);
    await page.locator(`#view-${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${SHOTS}/teach-${id}-phone.png` });
  }
});
