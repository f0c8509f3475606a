// Pause, Step and Reset; settings that keep or throw away training, and the question before the latter.
import { expect, test } from '@playwright/test';
import { downloadModel, number, openModelFile, openPlayground, pause, settledAt } from './helpers';

test('pause stops the steps, step trains exactly one window, reset starts over', async ({ page }) => {
  await openPlayground(page);
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step')).toBeGreaterThan(5);
  // The step the engine says it stopped at (the steps it finished before the pause arrived included).
  const paused = await pause(page);
  await expect(page.locator('#run-status')).toHaveText(`Paused at step ${paused.toLocaleString('en-US')}`);

  // Paused means stopped: one Step later the engine stands at exactly one more (it says so itself,
  // and its answers for that step are back, so nothing else is on its way).
  await page.locator('#step').click();
  await settledAt(page, paused + 1);
  expect(await number(page, '#stat-step')).toBe(paused + 1);
  await expect(page.locator('#train')).toHaveText('Train');

  await page.locator('#reset').click();
  await expect(page.locator('#stat-step')).toHaveText('0');
  await expect(page.locator('#stat-train')).toHaveText('–');
  await expect(page.locator('#run-status')).toContainText('ready: press Train');
  await expect(page.locator('.chart-empty')).toBeVisible();
});

test('changing the network asks first; training settings and the learning rate keep the weights', async ({ page }) => {
  await openPlayground(page);
  for (let i = 0; i < 3; i++) await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(3);

  // Sequence length: the trainer is rebuilt, the weights and steps stay.
  const seq = page.locator('input[data-key="seqLen"]');
  await seq.fill('32');
  await seq.press('Enter');
  await expect(page).toHaveURL(/seq=32/);
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(4);

  // The cell: a new network, so the page asks. Keeping the model changes nothing.
  await page.locator('label.segment', { hasText: 'GRU' }).click();
  const dialog = page.locator('#confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('trained for 4 steps');
  await page.locator('#confirm-no').click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('input[data-key="cell"][value="lstm"]')).toBeChecked();
  expect(await number(page, '#stat-step')).toBe(4);

  await page.locator('label.segment', { hasText: 'GRU' }).click();
  await page.locator('#confirm-yes').click();
  await expect(page.locator('#stat-step')).toHaveText('0');
  await expect(page.locator('#run-status')).toContainText('GRU 128 ready');
  await page.locator('#heatmap-panel').scrollIntoViewIfNeeded();
  await expect(page.locator('canvas[data-gate="z"]')).toBeVisible();  // GRU gates: r, z, n, h
  await expect(page).toHaveURL(/cell=gru/);

  // Out-of-range input is refused with the limit, not sent to the core.
  const hidden = page.locator('input[data-key="hiddenSize"]');
  await hidden.fill('5000');
  await hidden.press('Enter');
  await expect(page.locator('.field.has-error .field-error')).toHaveText('From 1 to 1024');
  await hidden.fill('64');
  await hidden.press('Enter');  // step 0: no question needed
  await expect(page.locator('#run-status')).toContainText('GRU 64 ready');
  await expect(page.locator('.field.has-error')).toHaveCount(0);
});

test('a preset loads its text; editing a trained model’s text offers to start over', async ({ page }) => {
  await openPlayground(page);
  await page.locator('#preset').selectOption('korean');
  await expect(page.locator('#text')).toHaveValue(/바닷가 마을의 작은 책방/);
  await expect.poll(() => number(page, '#text-vocab')).toBeGreaterThan(200);
  await expect(page.locator('#run-status')).toContainText('ready');
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(1);

  await page.locator('#text').press('End');
  await page.locator('#text').pressSequentially(' 끝.');
  await expect(page.locator('#text-pending')).toBeVisible();
  await expect(page.locator('#preset')).toHaveValue('custom');
  await page.locator('#apply-text').click();
  await expect(page.locator('#stat-step')).toHaveText('0');
  await expect(page.locator('#text-pending')).toBeHidden();

  await page.locator('#preset').selectOption('brackets');
  await expect(page.locator('#text')).toHaveValue(/^[([{<]/);
  await expect(page.locator('#preset-about')).toContainText('Generated lines of nested');
});

test('a downloaded model opens again and its run continues where it stopped', async ({ page }, testInfo) => {
  await openPlayground(page, '#seq=32&batch=8');
  for (let i = 0; i < 3; i++) await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(3);
  const download = await downloadModel(page);
  expect(download.suggestedFilename()).toBe('charrnn-lstm-1x128-step3.safetensors');
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);

  await page.locator('#reset').click();
  await expect(page.locator('#stat-step')).toHaveText('0');
  // The page's settings differ from the file's; resuming the saved run brings the file's back.
  const seq = page.locator('input[data-key="seqLen"]');
  await seq.fill('16');
  await seq.press('Enter');
  await expect(page).toHaveURL(/seq=16/);

  await openModelFile(page, file);
  const notice = page.locator('[data-notice="loaded"]');
  await expect(notice).toContainText('Opened charrnn-lstm-1x128-step3.safetensors');
  await expect(notice).toContainText('Its run continues exactly where it stopped, at step 3.');
  await expect(page.locator('#stat-step')).toHaveText('3');
  await expect(seq).toHaveValue('32');
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(4);

  // A file that is not a model is refused, and the model in use stays.
  await openModelFile(page, { name: 'notes.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('hello, not a model') });
  await expect(notice).toContainText('Could not open notes.safetensors');
  await expect(page.locator('#stat-step')).toHaveText('4');
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(5);
});
