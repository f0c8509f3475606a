// The two trained tasks on the page (issue 13): spacing restoration (many-to-many, bidirectional) and
// "who wrote this line?" (many-to-one). Each test waits for what the page promises — a held-out score
// above a floor, a matrix, a trace, a message — never for a time to pass.
import { expect, test, type Page } from '@playwright/test';
import { number, openPlayground, pause, TRAINING_WAIT } from './helpers';
import { expectAllKorean } from './koreanSweep';

// The task's panel as a learner sees it, on a laptop and on a phone (artifacts/screenshots/task-*.png).
async function shoot(page: Page, panel: string, name: string): Promise<void> {
  await page.locator(panel).screenshot({ path: `artifacts/screenshots/task-${name}-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator(panel).screenshot({ path: `artifacts/screenshots/task-${name}-390.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const data = async (page: Page, selector: string, key: string) => Number((await page.locator(selector).getAttribute(`data-${key}`)) || 'NaN');

// Pauses once training passed `steps`, and waits until the task panel shows the held-out scores of the
// step it paused at (a pause measures the weights as they are).
async function pauseAfter(page: Page, steps: number, headline: string): Promise<number> {
  await expect.poll(() => number(page, '#stat-step'), TRAINING_WAIT).toBeGreaterThanOrEqual(steps);
  const step = await pause(page);
  await expect.poll(() => data(page, headline, 'step')).toBe(step);
  return step;
}

test('spacing: a locked bidirectional lesson link trains; the spaced held-out text, its F1 and both directions show', async ({ page }) => {
  await openPlayground(page, '#task=spacing&bidir=1&hidden=32&lock=task,bidir');
  // The lesson fixes the task and the direction; the language model's panels give way to the task's.
  await expect(page.locator('input[data-key="task"][value="spacing"]')).toBeChecked();
  await expect(page.locator('input[data-key="task"][value="lm"]')).toBeDisabled();
  await expect(page.locator('input[data-key="bidirectional"]')).toBeChecked();
  await expect(page.locator('input[data-key="bidirectional"]')).toBeDisabled();
  for (const hidden of ['#sample-panel', '#probe-panel', '#heatmap-panel']) await expect(page.locator(hidden)).toBeHidden();
  await expect(page.locator('#spacing-panel')).toBeVisible();

  await page.locator('#train').click();
  const step = await pauseAfter(page, 100, '#spacing-headline');
  // A constant guess cannot reach 0.5: "never a space" has F1 0, "always a space" 2p/(1+p) ≈ 0.3 with
  // p ≈ 0.18 of the story's gaps followed by a space. Above it, the network reads the characters around a gap.
  expect(await data(page, '#spacing-headline', 'f1')).toBeGreaterThan(0.5);
  await expect(page.locator('#spacing-counts')).toContainText(`At step ${step.toLocaleString('en-US')}:`);
  await expect(page.locator('#spaced-text')).toContainText(' ');
  await expect(page.locator('.spacing-legend li')).toHaveCount(3);
  // Both directions' bars under the characters, and which side decided where they disagree.
  await expect(page.locator('.dir-col').first()).toBeVisible();
  await expect(page.locator('.dir-bar.is-backward').first()).toBeAttached();
  await expect(page.locator('#spacing-sides')).toContainText('disagree');
  await shoot(page, '#spacing-panel', 'spacing');
});

test('classify: "who wrote this line?" shows held-out accuracy, the confusion matrix, the wrong lines and a trace', async ({ page }) => {
  await openPlayground(page, '#task=classify&hidden=48&val=0.2');
  await expect(page.locator('#preset')).toHaveValue('voices');
  await page.locator('#train').click();
  // 20% held out is about 40 lines; by chance (two voices, 50%) 75% or more right has p ≈ 0.001.
  await expect.poll(() => data(page, '#classify-headline', 'accuracy'), TRAINING_WAIT).toBeGreaterThanOrEqual(0.75);
  await pauseAfter(page, 0, '#classify-headline');
  await expect(page.locator('#confusion-matrix td')).toHaveCount(4);
  await expect(page.locator('#confusion-matrix tbody th')).toHaveText(['aunt', 'captain']);
  // The trace: a row per label, a column per character of the line it reads.
  await page.locator('#classify-panel input[id^="trace-line"]').fill('Wind northwest, force five.');  // the line to trace (the own-texts form has inputs too)
  await expect(page.locator('#class-trace tbody tr')).toHaveCount(2);
  await expect(page.locator('#class-trace thead th')).toHaveCount(1 + 'Wind northwest, force five.'.length);
  await expect(page.locator('#trace-note')).toContainText('after all 27 characters');
  await shoot(page, '#classify-panel', 'classify');
});

test('classify: choosing the task brings labelled lines; a bad line is named in the page\'s language', async ({ page }) => {
  await openPlayground(page);
  await page.locator('label.segment', { hasText: 'Classify lines' }).click();
  await expect(page.locator('#preset')).toHaveValue('voices');
  await expect(page.locator('#classify-panel')).toBeVisible();
  await page.locator('#text').fill('a\tone line\nb\tanother\nthis line has no tab\n');
  await expect(page.locator('#text-problem')).toContainText('Line 3 has no tab: each line must be a label, a tab, then the text.');
  await page.locator('#text').fill('a\tone\na\ttwo\nb\tthree\n');
  await expect(page.locator('#text-problem')).toContainText('The label “a” has only 2 lines; every label needs at least 5');
  // A dropped .tsv is labelled lines: it becomes the text, and a language model's page turns to classify.
  const dropped = await page.context().newPage();
  await dropped.goto('./#task=spacing');
  await expect(dropped.locator('#train')).toBeEnabled();
  const tsv = ['x', 'y'].flatMap((l) => Array.from({ length: 6 }, (_, i) => `${l}\tline ${i} from ${l}`)).join('\n');
  await dropped.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'lines.tsv'));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, tsv);
  await expect(dropped.locator('input[data-key="task"][value="classify"]')).toBeChecked();
  await expect(dropped.locator('#classify-panel')).toBeVisible();
  await expect(dropped.locator('#run-status')).toContainText('press Train');

  const korean = await page.context().newPage();
  await korean.goto('./#task=classify&lang=ko');
  await expect(korean.locator('#preset')).toHaveValue('voices-ko');
  await korean.locator('#text').fill('할머니\t밥은 먹었냐\n기자 탭이 없는 줄\n');
  await expect(korean.locator('#text-problem')).toContainText('2번째 줄에 탭이 없습니다.');
});

test('the task panels speak Korean', async ({ page }) => {
  await page.goto('./#task=spacing&bidir=1&hidden=32&lang=ko');
  await expect(page.locator('#step')).toBeEnabled();
  await page.locator('#step').click();
  await expect(page.locator('#spacing-counts')).toContainText('1단계');
  await expect(page.locator('#spacing-sides')).toContainText('역방향');
  await expectAllKorean(page, 'the spacing panel after a step');

  const classify = await page.context().newPage();
  await classify.goto('./#task=classify&hidden=32&lang=ko');
  await expect(classify.locator('#preset')).toHaveValue('voices-ko');
  await expect(classify.locator('#step')).toBeEnabled();
  await classify.locator('#step').click();
  await expect(classify.locator('#class-trace')).toBeVisible();
  await expect(classify.locator('#confusion-matrix tbody th')).toHaveText(['기자', '할머니']);
  await expectAllKorean(classify, 'the classify panel after a step');
});
