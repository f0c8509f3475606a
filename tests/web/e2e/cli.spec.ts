// Issue 6: the native CLI and the browser read and write the same files. A model `charrnn train` wrote
// opens in the page (its cell, sizes and vocabulary come from the file) and samples; a model the page
// downloads is read back by `charrnn eval` and `charrnn sample`.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { downloadModel, number, openModelFile, openPlayground } from './helpers';

const CHARRNN = 'build/native/core/cli/charrnn';  // built by npm test before the browser tests
const TEXT = 'Sing a song of sixpence, a pocket full of rye; four and twenty blackbirds baked in a pie. '.repeat(40);

test('a model the CLI trained opens in the browser and samples; the browser’s model is read by the CLI', async ({ page }, testInfo) => {
  const textFile = testInfo.outputPath('rhyme.txt');
  const cliModel = testInfo.outputPath('from-cli.safetensors');
  writeFileSync(textFile, TEXT);
  execFileSync(CHARRNN, ['train', '--text', textFile, '--cell', 'gru', '--hidden', '40', '--layers', '2', '--seq', '32',
    '--batch', '8', '--steps', '150', '--lr', '0.01', '--seed', '3', '--out', cliModel]);
  const cliLoss = JSON.parse(execFileSync(CHARRNN, ['eval', '--model', cliModel, '--text', textFile], { encoding: 'utf8' })).loss;

  await openPlayground(page);
  await page.locator('#text').fill(TEXT);
  await expect.poll(() => number(page, '#text-characters')).toBe(TEXT.length);
  await expect(page.locator('#run-status')).toContainText('ready');
  await openModelFile(page, cliModel);
  await expect(page.locator('[data-notice="loaded"]')).toContainText('Opened from-cli.safetensors');
  await expect(page.locator('input[data-key="cell"]:checked')).toHaveValue('gru');
  await expect(page.locator('input[data-key="hiddenSize"]')).toHaveValue('40');
  await expect(page.locator('input[data-key="numLayers"]')).toHaveValue('2');
  await expect(page.locator('#stat-step')).toHaveText('150');  // the CLI's run goes on from where it stopped

  // The CLI's model has learned the rhyme: its sample is made of the rhyme's words.
  await page.locator('#sample-now').click();
  const sample = page.locator('.sample-text').first();
  await expect(sample).not.toBeEmpty();
  const sampled = (await sample.textContent()) ?? '';
  expect([...sampled].every((c) => TEXT.includes(c))).toBe(true);
  expect(sampled).toMatch(/(sixpence|blackbird|pocket|twenty|song)/);

  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(151);
  const download = await downloadModel(page);
  const pageModel = testInfo.outputPath('from-page.safetensors');
  await download.saveAs(pageModel);
  const pageLoss = JSON.parse(execFileSync(CHARRNN, ['eval', '--model', pageModel, '--text', textFile], { encoding: 'utf8' })).loss;
  // One more step of the same run: about the same loss as the CLI's own model, and well under a guess.
  expect(Math.abs(pageLoss - cliLoss)).toBeLessThan(0.1);
  expect(pageLoss).toBeLessThan(Math.log(new Set(TEXT).size) / 2);
  const cliSample = execFileSync(CHARRNN, ['sample', '--model', pageModel, '--prime', 'Sing ', '--length', '80', '--seed', '1'], { encoding: 'utf8' });
  expect(cliSample.startsWith('Sing ')).toBe(true);
});

test('a model opened on a text with characters it never saw names them, trains on, and the CLI scores such text', async ({ page }, testInfo) => {
  const textFile = testInfo.outputPath('rhyme.txt');
  const model = testInfo.outputPath('small.safetensors');
  writeFileSync(textFile, TEXT);
  execFileSync(CHARRNN, ['train', '--text', textFile, '--cell', 'gru', '--hidden', '16', '--seq', '16', '--batch', '4', '--steps', '5',
    '--out', model]);
  const other = TEXT + 'Zebra 컥 '.repeat(10);  // Z and 컥 are new to the model (README "Model files")
  const heldOut = testInfo.outputPath('held-out.txt');
  writeFileSync(heldOut, other);
  const scored = JSON.parse(execFileSync(CHARRNN, ['eval', '--model', model, '--text', heldOut], { encoding: 'utf8' }));
  expect(scored.unknown).toMatchObject({ count: 20, distinct: 2 });

  await openPlayground(page);
  await page.locator('#text').fill(other);
  await expect(page.locator('#run-status')).toContainText('ready');
  await openModelFile(page, model);
  const notice = page.locator('[data-notice="loaded"]');
  await expect(notice).toContainText('Opened small.safetensors');
  await expect(notice).toContainText('20 characters of the text here are not in its vocabulary (Z 컥): each is read as an all-zero input, and predicting one is not scored.');
  // Another text: training goes on from the file's weights (a new run's step count) and trains on it.
  await expect(page.locator('#stat-step')).toHaveText('0');
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(1);
  await expect(page.locator('[data-notice^="error"]')).toHaveCount(0);
});
