// The shapes and activation views in the real page and the real wasm module, and the plain RNN's ReLU
// from a link: both views open from a link and follow training; relu reaches the model (the views say
// what the model has, not what the link asked). Screenshots at 1280 and 390 px go to artifacts/screenshots/.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openPlayground } from './helpers';

const SHOTS = 'artifacts/screenshots';

async function shoot(page: Page, id: string, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(`#view-${id}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

const stepOf = async (page: Page, selector: string) => Number(/step ([\d,]+)/i.exec((await page.locator(selector).textContent()) ?? '')?.[1].replace(/,/g, '') ?? -1);

test('shapes: the language model highlights many-to-many (training) and one-to-many (sampling), labelled live', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page, '#hidden=32&seq=32&view=shapes');
  const view = page.locator('#view-shapes');
  await expect(view).toBeVisible();
  await expect(page.locator('#shapes-status')).toHaveText('This model predicts the next character: trained many-to-many, sampled one-to-many.');
  await expect(view.locator('.shape-figure')).toHaveCount(4);
  await expect(view.locator('.shape-figure.is-running')).toHaveCount(2);
  await expect(view.locator('.shape-figure[data-shape="many-to-many"]')).toHaveAttribute('data-role', 'training');
  await expect(view.locator('.shape-figure[data-shape="one-to-many"]')).toHaveAttribute('data-role', 'sampling');
  await expect(view.locator('.shape-figure[data-shape="encoder-decoder"] .shape-badge')).toHaveText('drawn, not trained');
  // Many-to-one: one output; one-to-many: an input only at the first step, outputs read back in.
  await expect(view.locator('svg[data-shape="many-to-one"] rect[data-node="y"]')).toHaveCount(1);
  await expect(view.locator('svg[data-shape="one-to-many"] rect[data-node="x"]')).toHaveCount(1);
  await expect(view.locator('svg[data-shape="one-to-many"] [data-edge="feedback"]')).toHaveCount(3);
  await expect(view.locator('svg[data-shape="encoder-decoder"] [data-edge="context"]')).toHaveCount(1);
  // The trained shape carries what the model read and predicted; training moves it on.
  await expect(page.locator('#shapes-live')).toContainText(/At step 0, reading “.+”, the model predicts “.+”: \d+ of \d+ next characters right\./);
  await page.locator('#train').click();
  await expect.poll(() => stepOf(page, '#shapes-live')).toBeGreaterThan(0);
  const first = await stepOf(page, '#shapes-live');
  await expect.poll(() => stepOf(page, '#shapes-live')).toBeGreaterThan(first);
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Train');
  await shoot(page, 'shapes', 'teach-shapes-laptop');
  // In Korean, the same view in the course's words.
  await page.locator('[data-lang="ko"]').first().click();
  await expect(page.locator('#shapes-status')).toContainText('다대다');
  await shoot(page, 'shapes', 'teach-shapes-laptop-ko');
  expect(errors).toEqual([]);
});

test('activations: a ReLU RNN from a link; its pre-activations fall on the curves and follow training', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page, '#cell=rnn&nonlinearity=relu&hidden=32&seq=32&view=activations');
  // The link's relu reached the model: the view names what the model's summary says, the control shows it.
  await expect(page.locator('#activations-status')).toContainText(/^The plain RNN with ReLU at step 0: [\d,]+ pre-activations/);
  await expect(page.locator('input[data-key="nonlinearity"][value="relu"]')).toBeChecked();
  await expect(page.locator('#activation-relu-caption')).toContainText(/of 2,?\d{3} are at most 0/);
  await expect(page.locator('#activation-tanh-caption')).toHaveText('This cell does not use it.');
  await expect(page.locator('svg[data-activation="relu"] circle[data-point]')).toHaveCount(160);
  await expect(page.locator('svg[data-activation="tanh"] circle[data-point]')).toHaveCount(0);
  await expect(page.locator('svg[data-activation="sigmoid"] rect[data-saturated]')).toHaveCount(2);
  await page.locator('#train').click();
  await expect.poll(() => stepOf(page, '#activations-status')).toBeGreaterThan(0);
  const first = await stepOf(page, '#activations-status');
  await expect.poll(() => stepOf(page, '#activations-status')).toBeGreaterThan(first);
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Train');
  await shoot(page, 'activations', 'teach-activations-laptop');

  // The gradient view says what ReLU does to the gradient; the equations show relu.
  await page.locator('#tab-gradients').click();
  await expect(page.locator('#gradients-activation')).toContainText('With ReLU each step back multiplies the gradient by 1');
  await page.locator('#tab-equations').click();
  await expect(page.locator('#equations-list [data-lhs="h_t"] dt')).toContainText('relu(');

  // Back to tanh from the view's button: a new model, and the tanh plot fills.
  await page.locator('#tab-activations').click();
  await page.locator('#activations-switch').click();
  await expect(page.locator('#confirm')).toBeVisible();  // the trained model would be thrown away: the page asks
  await page.locator('#confirm-yes').click();
  await expect(page).not.toHaveURL(/nonlinearity=relu/);
  await expect(page.locator('#activations-status')).toContainText(/^The plain RNN with tanh/);
  await expect(page.locator('#activation-tanh-caption')).toContainText(/saturated \(slope below 0\.1\); gates: h\./);
  expect(errors).toEqual([]);
});

test('shapes and activations look finished on a phone (390 px)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openPlayground(page, '#cell=lstm&hidden=32&view=activations');
  await expect(page.locator('#activation-sigmoid-caption')).toContainText('gates: i, f, o.');
  await expect(page.locator('#activation-tanh-caption')).toContainText('gates: g.');
  for (const id of ['activations', 'shapes']) {
    if (id !== 'activations') await page.locator(`#tab-${id}`).click();
    await expect(page.locator(`#${id}-status`)).not.toBeEmpty();
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(scroll, id).toBeLessThanOrEqual(inner);
    await shoot(page, id, `teach-${id}-phone`);
  }
});
