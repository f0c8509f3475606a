// The memory tasks on the page (issue 16): a link opens the copy task at a distance, the distance
// slider shows only for memory tasks, and training fills the accuracy-against-distance chart and its
// table with numbers measured at the probe positions. Waits for states, never for times.
import { expect, test, type Page } from '@playwright/test';
import { number, openPlayground, openTeachView, pause, TRAINING_WAIT } from './helpers';
import { expectAllKorean } from './koreanSweep';

const data = async (page: Page, key: string) => Number((await page.locator('#memory-headline').getAttribute(`data-${key}`)) || 'NaN');

async function shoot(page: Page, name: string): Promise<void> {
  await page.locator('#memory-panel').screenshot({ path: `artifacts/screenshots/memory-${name}-1280.png` });
  await page.locator('#controls-panel fieldset').first().screenshot({ path: `artifacts/screenshots/memory-${name}-distance-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#memory-panel').screenshot({ path: `artifacts/screenshots/memory-${name}-390.png` });
  await page.locator('#controls-panel fieldset').first().screenshot({ path: `artifacts/screenshots/memory-${name}-distance-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('memory: preset=copy&distance=40 trains, and the chart and table show accuracy against distance with the chance line', async ({ page }) => {
  await openPlayground(page, '#preset=copy&distance=40&hidden=64');
  await expect(page.locator('#preset')).toHaveValue('copy');
  await expect(page.locator('#text')).toHaveValue(/^[a-h]{4}\.+:[a-h]{4}\n/);
  const slider = page.locator('input[data-key="distance"]');
  await expect(slider).toBeVisible();
  await expect(slider).toHaveValue('40');
  await expect(page.locator('#memory-panel')).toBeVisible();
  // A new model is measured at once: untrained, it scores near zero or chance.
  await expect(page.locator('#memory-headline')).toContainText('Step 0:');

  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThanOrEqual(150);
  const step = await pause(page);
  await expect.poll(() => data(page, 'step'), TRAINING_WAIT).toBe(step);
  const accuracy = await data(page, 'accuracy');
  expect(accuracy).toBeGreaterThanOrEqual(0);
  expect(accuracy).toBeLessThanOrEqual(1);
  await expect(page.locator('#memory-headline')).toContainText(`Step ${step.toLocaleString('en-US')}:`);
  await expect(page.locator('#memory-headline')).toContainText('(chance 12.5%)');
  // A row per distance bucket that held probes: its accuracy as a percentage and how many positions.
  const rows = page.locator('#memory-table tbody tr');
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  for (const row of await rows.all()) {
    await expect(row.locator('td').nth(1)).toHaveText(/^\d{1,3}\.\d%$/);
    expect(Number(await row.locator('td').nth(2).textContent())).toBeGreaterThan(0);
  }
  await expect(page.locator('.mem-chart .mem-chance')).toHaveCount(1);
  await expect(page.locator('.mem-chart .mem-point')).toHaveCount(await rows.count());
  await shoot(page, 'copy');

  // Another distance is another text: the slider moves by keyboard, and the link keeps it.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page).toHaveURL(/distance=41/);
  await expect(page.locator('#stat-step')).toHaveText('0');
  await expect(page.locator('#memory-headline')).toContainText('Step 0:');
});

test('memory: the distance slider is only for memory tasks, a lesson can lock it, and the panel speaks Korean', async ({ page }) => {
  await openPlayground(page);
  await expect(page.locator('input[data-key="distance"]')).toBeHidden();
  await expect(page.locator('#memory-panel')).toHaveCount(0);
  await page.goto('about:blank');  // a fresh page, not a change of the hash
  await page.goto('./#preset=parity&distance=25&lock=distance&lang=ko&hidden=32');
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('input[data-key="distance"]')).toBeDisabled();
  await expect(page.locator('input[data-key="distance"]')).toHaveValue('25');
  // The "Locked" tag beside a locked setting is drawn by CSS, in the page's language.
  const tag = await page.locator('.field.is-locked > .field-label').first().evaluate((el) => getComputedStyle(el, '::after').content);
  expect(tag).toBe('"고정"');
  await expect(page.locator('#text')).toHaveValue(/^[01]+=[oe]\n/);
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThanOrEqual(50);
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('학습');
  await expect.poll(() => data(page, 'step'), TRAINING_WAIT).toBeGreaterThan(0);
  await expect(page.locator('#memory-headline')).toContainText('우연 수준 50.0%');
  await expectAllKorean(page, 'memory panel');
  await shoot(page, 'parity-ko');
});

test('memory: the compare view trains RNN, LSTM and GRU on the copy task and scores each where memory is needed', async ({ page }) => {
  await openPlayground(page, '#preset=copy&distance=30&hidden=32');
  await openTeachView(page, 'compare');
  await expect(page.locator('#view-compare')).toBeVisible();
  await page.locator('#compare-start').click();
  await expect(page.locator('#compare-samples .compare-column')).toHaveCount(3);
  for (const cell of ['rnn', 'lstm', 'gru']) {
    await expect(page.locator(`.compare-column[data-cell="${cell}"] .compare-memory`)).toHaveText(/^Memory positions right: \d{1,3}\.\d% \(chance 12\.5%\) at step [\d,]+\.$/, TRAINING_WAIT);
  }
  await page.locator('#compare-pause').click();
  await page.locator('#view-compare').screenshot({ path: 'artifacts/screenshots/memory-compare-1280.png' });
});
