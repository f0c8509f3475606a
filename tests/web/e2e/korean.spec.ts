// The page in Korean: with lang=ko every panel, dialog and teaching view, a training run and the error
// paths (a text too short, a diverging run, a file that is not a model) say nothing in English but
// names; a browser that prefers Korean gets Korean without asking, lang=en wins over it; the switch in
// the header changes the page while the run goes on. Screenshots: artifacts/screenshots/ko-*.png.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { number, openTeachView, recordLongTasks } from './helpers';
import { expectAllKorean } from './koreanSweep';

const SHOTS = 'artifacts/screenshots';
const VIEWS = ['equations', 'softmax', 'anatomy', 'gradients', 'clipping', 'forget-bias', 'dropout', 'compare', 'gradient-check'];

async function openKorean(page: Page, hash = '#lang=ko'): Promise<void> {
  await recordLongTasks(page);
  await page.goto('about:blank');  // a fresh page each time, not a change of the hash
  await page.goto(`./${hash}`);
  await expect(page.locator('#train')).toBeEnabled({ timeout: 20_000 });
  await expect(page.locator('#run-status')).toContainText('학습을 누르세요');
}

async function stepTo(page: Page, steps: number): Promise<void> {
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step'), { timeout: 30_000 }).toBeGreaterThan(steps);
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('학습');
}

test('with lang=ko every panel, dialog and teaching view speaks Korean, through a training run', async ({ page }) => {
  test.setTimeout(240_000);
  await openKorean(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('#preset')).toHaveValue('korean');  // the Korean text, with Korean probe and grid texts
  await expect(page.locator('#probe')).toHaveValue(/[가-힣]/);
  await expect(page.locator('#heat-text')).toHaveValue(/[가-힣]/);
  let read = await expectAllKorean(page, 'on opening');

  await stepTo(page, 40);
  await expect(page.locator('#samples li').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('#loss-chart .u-legend')).toContainText('학습(평활)');
  await page.locator('#heatmap-panel').scrollIntoViewIfNeeded();
  await expect(page.locator('#heat-grids canvas').first()).toBeVisible({ timeout: 20_000 });
  await page.locator('#heat-grids .heat-stage').first().hover({ position: { x: 60, y: 12 } });
  await expect(page.locator('#heat-tooltip')).toBeVisible();
  read += await expectAllKorean(page, 'after training, a heatmap cell hovered');

  for (const view of VIEWS) {
    await openTeachView(page, view);
    await expect(page.locator(`#${view}-status`)).not.toHaveText('');
    if (view === 'gradient-check') {
      await page.locator('#gradcheck-run').click();
      await expect(page.locator('#gradcheck-verdict')).not.toHaveText('', { timeout: 30_000 });
    }
    if (view === 'compare') {
      await page.locator('#compare-start').click();
      await expect(page.locator('#compare-samples .compare-meta').first()).toContainText('단계', { timeout: 30_000 });
      await page.locator('#compare-pause').click();
    }
    read += await expectAllKorean(page, `teaching view ${view}`);
  }

  await page.locator('#open-share').click();
  await expect(page.locator('#share-dialog')).toBeVisible();
  await expect(page.locator('#share-link')).toHaveValue(/lang=ko$/);
  await expect(page.locator('#share-snippet')).toHaveValue(/title="char-RNN 놀이터"/);
  read += await expectAllKorean(page, 'the Share dialog');
  await page.locator('#share-dialog .dialog-close').click();
  await page.locator('#open-saves').click();
  await expect(page.locator('#saves-dialog')).toBeVisible();
  read += await expectAllKorean(page, 'the Saved dialog');
  await page.locator('#saves-dialog .dialog-close').click();
  await page.locator('#open-runs').click();
  await expect(page.locator('#runs-rows tr')).toHaveCount(1);  // the run trained above
  await page.locator('#runs-rows input[type="checkbox"]').check();
  await expect(page.locator('#runs-chart .u-legend')).toBeVisible();
  read += await expectAllKorean(page, 'the Runs dialog');
  await page.locator('#runs-dialog .dialog-close').click();

  await page.locator('#controls-panel input[data-key="hiddenSize"]').fill('64');
  await page.locator('#controls-panel input[data-key="hiddenSize"]').press('Enter');
  await expect(page.locator('#confirm')).toBeVisible();
  read += await expectAllKorean(page, 'the question before training is thrown away');
  await page.locator('#confirm-no').click();
  console.log(`Korean sweep: ${read} texts, labels and options read`);
});

test('the error paths in Korean: a text too short, a diverging run, a file that is not a model, a refused drop', async ({ page }) => {
  test.setTimeout(120_000);
  await openKorean(page, '#lang=ko&hide=file');
  await page.locator('#text').fill('안녕하세요, 반갑습니다.');
  const problem = page.locator('#text-problem');
  await expect(problem).toContainText('학습하기에는 텍스트가 너무 짧습니다');
  await expect(problem.locator('button').first()).toContainText('배치');
  await expectAllKorean(page, 'a text too short');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'model.safetensors'));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await expectAllKorean(page, 'a file dragged over the page');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['x'], 'model.safetensors'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('[data-notice="drop"]')).toContainText('모델 파일을 쓸 수 없습니다');
  await expectAllKorean(page, 'a refused drop');

  await openKorean(page, '#lang=ko&lr=1');
  await page.locator('#train').click();
  const stop = page.locator('[data-notice="stop"]');
  await expect(stop).toBeVisible({ timeout: 30_000 });
  await expect(stop).toContainText('학습이 발산했습니다');
  await expect(stop.locator('button').first()).toHaveText('학습률 0.1로 계속하기');
  await expectAllKorean(page, 'a diverging run');

  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('button', { hasText: '모델 열기…' }).click()]);
  // The file's name is the person's own: a Korean one keeps the sweep to the page's words.
  await chooser.setFiles({ name: '메모.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('hello, not a model') });
  const failed = page.locator('[data-notice="loaded"]');
  await expect(failed).toContainText('메모.safetensors 파일을 열 수 없습니다');
  // The core's refusal has a code (file.headerTooLong): said in Korean, with no English tucked under it.
  await expect(failed).toContainText('safetensors 파일이 아닌 것 같습니다');
  await expect(failed.locator('.said-english')).toHaveCount(0);
  await expectAllKorean(page, 'a file that is not a model');
});

test('a cut-off model file is refused in Korean, every sentence of it', async ({ page }) => {
  await openKorean(page, '#lang=ko');
  // A safetensors file cut off inside its header: the header says 4,000 bytes, the file has 40.
  const cut = Buffer.alloc(40, 0x20);
  cut.writeBigUInt64LE(4000n, 0);
  cut.write('{"__metadata__":', 8);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('button', { hasText: '모델 열기…' }).click()]);
  await chooser.setFiles({ name: '잘린모델.safetensors', mimeType: 'application/octet-stream', buffer: cut });
  const failed = page.locator('[data-notice="loaded"]');
  await expect(failed).toContainText('잘린모델.safetensors 파일을 열 수 없습니다');
  await expect(failed).toContainText('모델 파일의 헤더 길이가 4,000바이트라서 파일 끝(40바이트)을 넘어갑니다. 파일이 잘린 것 같습니다.');
  await expect(failed.locator('.said-english')).toHaveCount(0);
  await expectAllKorean(page, 'a cut-off model file');
  await failed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/ko-cut-model-file-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await failed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/ko-cut-model-file-390.png` });
});

test('a model file refusal sets the names it quotes (a tensor, a field) as code in the Korean sentence', async ({ page }) => {
  await openKorean(page, '#lang=ko');
  const header = '{"decoder.weight":{"dtype":"F32","shape":[1]}}';
  const file = Buffer.alloc(8 + header.length, 0x20);
  file.writeBigUInt64LE(BigInt(header.length), 0);
  file.write(header, 8);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('button', { hasText: '모델 열기…' }).click()]);
  await chooser.setFiles({ name: '이름.safetensors', mimeType: 'application/octet-stream', buffer: file });
  const failed = page.locator('[data-notice="loaded"]');
  await expect(failed).toContainText('모델 파일의 “decoder.weight” 텐서에');
  await expect(failed.locator('code.said-name')).toHaveText(['decoder.weight', 'data_offsets']);
  await expectAllKorean(page, 'a model file naming a tensor');
  await failed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/ko-file-names-as-code-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await failed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/ko-file-names-as-code-390.png` });
});

test.describe('a browser that prefers Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('gets Korean without a parameter, and lang=en gets English', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('#train')).toHaveText('학습', { timeout: 20_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.locator('#preset')).toHaveValue('korean');
    await expect(page.locator('#lang-switch [data-lang="ko"]')).toHaveAttribute('aria-pressed', 'true');

    await page.goto('./#lang=en');
    await page.reload();
    await expect(page.locator('#train')).toHaveText('Train', { timeout: 20_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('#preset')).toHaveValue('story');
    await expect(page.locator('#run-status')).toContainText('press Train');
  });
});

test('the switch in the header changes the page live; the run goes on and the link remembers it', async ({ page }) => {
  await recordLongTasks(page);
  await page.goto('./');
  await expect(page.locator('#train')).toBeEnabled({ timeout: 20_000 });
  await page.locator('#text').fill('the cat sat on the mat. '.repeat(80));
  await expect(page.locator('#run-status')).toContainText('press Train', { timeout: 20_000 });
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step')).toBeGreaterThan(5);

  await page.locator('#lang-switch [data-lang="ko"]').focus();
  await page.keyboard.press('Enter');  // the switch works from the keyboard
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('#train')).toHaveText('일시 정지');
  await expect(page.locator('#run-status')).toContainText('학습 중');
  await expect(page.locator('.panel-title', { hasText: '모델과 학습' })).toBeVisible();
  await expect(page).toHaveURL(/lang=ko/);
  await expect(page.locator('#text')).toHaveValue(/^the cat sat/);  // nothing of the run is lost
  const before = await number(page, '#stat-step');
  await expect.poll(() => number(page, '#stat-step')).toBeGreaterThan(before + 5);

  await page.locator('#lang-switch [data-lang="en"]').click();
  await expect(page.locator('#train')).toHaveText('Pause');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/lang=en/);
  await page.locator('#train').click();
});

test('a lesson can fix the language', async ({ page }) => {
  await openKorean(page, '#lang=ko&lock=lang');
  await expect(page.locator('#lang-switch [data-lang="en"]')).toBeDisabled();
  await expect(page.locator('#lesson-note')).toContainText('언어 전환');
});

test('screenshots in Korean at 1280 and 390 px', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  await openKorean(page, '#lang=ko&view=gradients');
  await stepTo(page, 30);
  await page.screenshot({ path: `${SHOTS}/ko-1280.png`, fullPage: true });
  await page.locator('#open-share').click();
  await page.screenshot({ path: `${SHOTS}/ko-share-1280.png` });
  await page.locator('#share-dialog .dialog-close').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/ko-390.png`, fullPage: true });
  await page.locator('#open-share').click();
  await page.screenshot({ path: `${SHOTS}/ko-share-390.png` });
  await page.locator('#share-dialog .dialog-close').click();
  await page.locator('#open-saves').click();
  await page.screenshot({ path: `${SHOTS}/ko-saves-390.png` });
});
