// The shapes and activation views in the real page and the real wasm module, and the plain RNN's ReLU
// from a link: relu reaches the model (the views say what the model has, not what the link asked), both
// views open from a link and follow training, and look finished at 1280 and 390 px (screenshots in
// artifacts/screenshots/). One page load for all of it, to keep the suite quick.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openPlayground, openTeachView } from './helpers';

const SHOTS = 'artifacts/screenshots';

async function shoot(page: Page, id: string, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(`#view-${id}`).evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -(document.querySelector('#runbar')?.getBoundingClientRect().height ?? 0) - 8);  // below the sticky run bar
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

// The training step a view's line names ("at step 12", "At step 12,").
const stepIn = async (page: Page, selector: string) => Number(/step ([\d,]+)/i.exec((await page.locator(selector).textContent()) ?? '')?.[1].replace(/,/g, '') ?? -1);

async function followsTraining(page: Page, selector: string): Promise<void> {
  const first = await stepIn(page, selector);
  await expect.poll(() => stepIn(page, selector)).toBeGreaterThan(first);
}

async function fitsPhone(page: Page, id: string): Promise<void> {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, id).toBeLessThanOrEqual(inner);
  await shoot(page, id, `teach-${id}-phone`);
}

test('a ReLU RNN from a link: the activation and shapes views show it, follow training, in both languages and on a phone', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPlayground(page, '#cell=rnn&nonlinearity=relu&hidden=32&seq=32&view=activations');

  // Activations: the link's relu reached the model (the view names what the model's summary says).
  await expect(page.locator('#activations-status')).toContainText(/^The plain RNN with ReLU at step 0: [\d,]+ pre-activations/);
  await expect(page.locator('input[data-key="nonlinearity"][value="relu"]')).toBeChecked();
  await expect(page.locator('#activation-relu-caption')).toContainText(/of [\d,]+ are at most 0/);
  await expect(page.locator('#activation-tanh-caption')).toHaveText('This cell does not use it.');
  await expect(page.locator('svg[data-activation="relu"] circle[data-point]')).toHaveCount(160);
  await expect(page.locator('svg[data-activation="tanh"] circle[data-point]')).toHaveCount(0);
  await expect(page.locator('svg[data-activation="sigmoid"] rect[data-saturated]')).toHaveCount(2);  // both flat ends
  await page.locator('#train').click();
  await followsTraining(page, '#activations-status');

  // Shapes: the language model trains many-to-many and samples one-to-many; the trained shape is
  // labelled with what the model reads and predicts, and moves on with training.
  await openTeachView(page, 'shapes');
  const view = page.locator('#view-shapes');
  await expect(page.locator('#shapes-status')).toHaveText('This model predicts the next character: trained many-to-many, sampled one-to-many.');
  await expect(view.locator('.shape-figure.is-running')).toHaveCount(2);
  await expect(view.locator('.shape-figure[data-shape="many-to-many"]')).toHaveAttribute('data-role', 'training');
  await expect(view.locator('.shape-figure[data-shape="one-to-many"]')).toHaveAttribute('data-role', 'sampling');
  await expect(view.locator('.shape-figure[data-shape="encoder-decoder"] .shape-badge')).toHaveText('drawn, not trained');
  await expect(view.locator('svg[data-shape="many-to-one"] rect[data-node="y"]')).toHaveCount(1);
  await expect(view.locator('svg[data-shape="one-to-many"] [data-edge="feedback"]')).toHaveCount(3);
  await expect(page.locator('#shapes-live')).toContainText(/At step [\d,]+, reading “.+”, the model predicts “.+”: \d+ of \d+ next characters right\./);
  await followsTraining(page, '#shapes-live');
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Train');
  await shoot(page, 'shapes', 'teach-shapes-laptop');

  // The gradient view says what ReLU does to the gradient; the equations show relu.
  await openTeachView(page, 'gradients');
  await expect(page.locator('#gradients-activation')).toContainText('With ReLU each step back multiplies the gradient by 1');
  await openTeachView(page, 'equations');
  await expect(page.locator('#equations-list [data-lhs="h_t"] dt')).toContainText('relu(');
  await openTeachView(page, 'activations');
  await shoot(page, 'activations', 'teach-activations-laptop');

  // In Korean, in the course's words; then on a phone.
  await page.locator('[data-lang="ko"]').first().click();
  await expect(page.locator('#activations-status')).toContainText('ReLU를 쓰는 기본 RNN');
  await shoot(page, 'activations', 'teach-activations-laptop-ko');
  await page.locator('[data-lang="en"]').first().click();
  await page.setViewportSize({ width: 390, height: 844 });
  await fitsPhone(page, 'activations');
  await openTeachView(page, 'shapes');
  await fitsPhone(page, 'shapes');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Back to tanh from the activation view's button: the page asks (training would be thrown away),
  // builds a tanh RNN, and the tanh plot fills with its inputs.
  await openTeachView(page, 'activations');
  await page.locator('#activations-switch').click();
  await expect(page.locator('#confirm')).toBeVisible();
  await page.locator('#confirm-yes').click();
  await expect(page).not.toHaveURL(/nonlinearity=relu/);
  await expect(page.locator('#activations-status')).toContainText(/^The plain RNN with tanh/);
  await expect(page.locator('#activation-tanh-caption')).toContainText(/saturated \(slope below 0\.1\); gates: h\./);
  // An LSTM has no such setting: the control is gone, and its gates fall on sigmoid and tanh.
  await page.locator('label.segment', { hasText: 'LSTM' }).click();
  await expect(page.locator('input[data-key="nonlinearity"]').first()).toBeHidden();
  await page.locator('#view-activations').scrollIntoViewIfNeeded();  // views ask the model only while on screen
  await expect(page.locator('#activation-sigmoid-caption')).toContainText('gates: i, f, o.');
  await expect(page.locator('#activation-tanh-caption')).toContainText('gates: g.');
  expect(errors).toEqual([]);
});
