// Sharing: a link reproduces the setup (and with the same seed the same run), a short text of one's
// own travels in the link, lesson links hide and lock what they say, and the Share dialog builds them.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { number, openPlayground, settledAt } from './helpers';

const SHOTS = 'artifacts/screenshots';

async function setNumber(page: Page, key: string, value: string) {
  const input = page.locator(`#controls-panel input[data-key="${key}"]`);
  await input.fill(value);
  await input.press('Enter');
}

async function stepTimes(page: Page, n: number) {
  const start = await number(page, '#stat-step');
  for (let i = 1; i <= n; i++) {
    await page.locator('#step').click();
    await expect.poll(() => number(page, '#stat-step')).toBe(start + i);
  }
  await settledAt(page, start + n);  // its validation is on screen, not the step before's
}

async function shareLink(page: Page): Promise<string> {
  await page.locator('#open-share').click();
  await expect(page.locator('#share-dialog')).toBeVisible();
  const link = await page.locator('#share-link').inputValue();
  await page.locator('#share-dialog .dialog-close').click();
  return link;
}

test('a shared link reproduces the settings, the probe text and, with the same seed, the same run', async ({ page, context }) => {
  await openPlayground(page);
  await page.locator('#controls-panel input[data-key="cell"][value="gru"]').check();
  await setNumber(page, 'hiddenSize', '48');
  await setNumber(page, 'seqLen', '24');
  await setNumber(page, 'batch', '6');
  await setNumber(page, 'learningRate', '0.01');
  await setNumber(page, 'seed', '4242');
  await page.locator('#controls-panel select[data-key="optimizer"]').selectOption('rmsprop');
  await expect(page).toHaveURL(/opt=rmsprop/);
  await page.locator('#probe').fill('The little ');
  await stepTimes(page, 3);
  const loss = await page.locator('#stat-train').textContent();
  const validation = await page.locator('#stat-validation').textContent();
  const link = await shareLink(page);
  expect(link).toContain('cell=gru');
  expect(link).toContain('probe=The+little+');

  const other = await context.newPage();
  await openPlayground(other, link.slice(link.indexOf('#')));
  await expect(other.locator('#controls-panel input[data-key="cell"][value="gru"]')).toBeChecked();
  await expect(other.locator('#controls-panel input[data-key="hiddenSize"]')).toHaveValue('48');
  await expect(other.locator('#controls-panel input[data-key="seqLen"]')).toHaveValue('24');
  await expect(other.locator('#controls-panel input[data-key="batch"]')).toHaveValue('6');
  await expect(other.locator('#controls-panel input[data-key="learningRate"]')).toHaveValue('0.01');
  await expect(other.locator('#controls-panel input[data-key="seed"]')).toHaveValue('4242');
  await expect(other.locator('#controls-panel select[data-key="optimizer"]')).toHaveValue('rmsprop');
  await expect(other.locator('#probe')).toHaveValue('The little ');
  await stepTimes(other, 3);
  await expect(other.locator('#stat-train')).toHaveText(loss!);
  await expect(other.locator('#stat-validation')).toHaveText(validation!);
});

test('a short text of one’s own travels in the link', async ({ page, context }) => {
  await openPlayground(page);
  const text = 'Hello <b>world</b>, 안녕하세요! A short text of my own to share with the class.\n'.repeat(30);
  await page.locator('#text').fill(text);
  await expect(page.locator('#run-status')).toContainText('press Train');
  await page.locator('#open-share').click();
  await expect(page.locator('#share-text-note')).toContainText('is in the link');
  const link = await page.locator('#share-link').inputValue();
  expect(link).toMatch(/preset=custom&.*text=[A-Za-z0-9_-]+/);
  const other = await context.newPage();
  await openPlayground(other, link.slice(link.indexOf('#')));
  await expect(other.locator('#text')).toHaveValue(text);
  await expect(other.locator('#preset')).toHaveValue('custom');
});

test('lesson mode shows only the panels it names, hides and locks the controls it names', async ({ page }) => {
  await openPlayground(page, '#cell=gru&hidden=32&panels=text,settings,loss,samples&hide=drop,clip,file,step&lock=cell,hidden,text,temp');
  for (const id of ['probe-panel', 'heatmap-panel']) await expect(page.locator(`#${id}`)).toBeHidden();
  for (const id of ['text-panel', 'controls-panel', 'chart-panel', 'sample-panel']) await expect(page.locator(`#${id}`)).toBeVisible();
  // Hidden: gone from the page.
  await expect(page.locator('#controls-panel input[data-key="dropout"]')).toBeHidden();
  await expect(page.locator('#controls-panel input[data-key="clip"]')).toBeHidden();
  await expect(page.locator('#download-model')).toBeHidden();
  await expect(page.locator('#step')).toBeHidden();
  // Locked: still shown, with the value of the link, but it cannot be changed.
  const gru = page.locator('#controls-panel input[data-key="cell"][value="gru"]');
  await expect(gru).toBeVisible();
  await expect(gru).toBeChecked();
  await expect(gru).toBeDisabled();
  await expect(page.locator('#controls-panel input[data-key="cell"][value="lstm"]')).toBeDisabled();
  await expect(page.locator('#controls-panel input[data-key="hiddenSize"]')).toBeDisabled();
  await expect(page.locator('#controls-panel input[data-key="hiddenSize"]')).toHaveValue('32');
  await expect(page.locator('input[data-key="temperature"]')).toBeDisabled();
  await expect(page.locator('#text')).not.toBeEditable();
  await expect(page.locator('#preset')).toBeDisabled();
  await expect(page.locator('#lesson-note')).toContainText('Fixed for this lesson: Cell, Hidden units, Text and preset, Temperature.');
  // What is not locked still works, and the lesson survives setting changes in the URL.
  await expect(page.locator('#controls-panel input[data-key="seqLen"]')).toBeEnabled();
  await setNumber(page, 'seqLen', '40');
  await expect(page).toHaveURL(/seq=40.*panels=text%2Csettings%2Closs%2Csamples.*lock=cell%2Chidden%2Ctext%2Ctemp/);
  await page.locator('#train').click();
  await expect.poll(() => number(page, '#stat-step')).toBeGreaterThan(2);
  await page.locator('#train').click();
  await expect(page.locator('#controls-panel input[data-key="cell"][value="gru"]')).toBeChecked();
  await expect(page.locator('#controls-panel input[data-key="hiddenSize"]')).toBeDisabled();
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/lesson-1280.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/lesson-390.png`, fullPage: true });
});

test('the Share dialog builds lesson links and the embed snippet', async ({ page, context }) => {
  mkdirSync(SHOTS, { recursive: true });
  await openPlayground(page, '#cell=rnn');
  await page.locator('#open-share').click();
  const dialog = page.locator('#share-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.locator('#share-text-note')).toContainText('English story');
  await dialog.locator('input[data-panel="probe"]').uncheck();
  await dialog.locator('input[data-panel="inside"]').uncheck();
  await dialog.locator('select[data-control="cell"]').selectOption('lock');
  await dialog.locator('select[data-control="drop"]').selectOption('hide');
  await dialog.locator('#share-embed').check();
  await dialog.locator('input[type="url"]').fill('https://course.example');
  const link = await page.locator('#share-link').inputValue();
  expect(link).toContain('#cell=rnn&');
  expect(link).toContain('panels=text%2Csettings%2Closs%2Csamples');
  expect(link).toContain('hide=drop');
  expect(link).toContain('lock=cell');
  expect(link).toContain('embed=1');
  expect(link).toContain('origin=https%3A%2F%2Fcourse.example');
  const snippet = await page.locator('#share-snippet').inputValue();
  expect(snippet).toMatch(/^<iframe src="http:\/\/localhost:\d+\/#cell=rnn&amp;panels=/);
  expect(snippet).toContain('title="char-RNN playground"');
  await page.screenshot({ path: `${SHOTS}/share-1280.png` });
  await dialog.evaluate((d) => d.scrollTo(0, d.scrollHeight));
  await page.screenshot({ path: `${SHOTS}/share-1280-link.png` });
  await dialog.locator('input[type="url"]').fill('not an origin');
  await expect(dialog.locator('.field-error')).toContainText('not a web origin');
  expect(await page.locator('#share-link').inputValue()).not.toContain('origin=');
  await dialog.locator('input[type="url"]').fill('https://course.example');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/share-390.png` });

  // The link opens that lesson.
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('#train')).toBeEnabled();
  await expect(other.locator('.site-header')).toBeHidden();
  await expect(other.locator('#probe-panel')).toBeHidden();
  await expect(other.locator('#controls-panel input[data-key="cell"][value="rnn"]')).toBeDisabled();
  await expect(other.locator('#controls-panel input[data-key="dropout"]')).toBeHidden();
});

test('text from a link is shown as text, never parsed as markup', async ({ page }) => {
  const evil = encodeURIComponent('<img src=x onerror="window.__owned=1">');
  await openPlayground(page, `#probe=${evil}&prime=${evil}&heat=${evil}&lock=${evil},cell&panels=${evil},loss,settings`);
  await expect(page.locator('#probe')).toHaveValue('<img src=x onerror="window.__owned=1">');
  await expect(page.locator('#lesson-note')).toHaveText('Lesson Fixed for this lesson: Cell.');
  await page.locator('#open-share').click();
  expect(await page.locator('#share-link').inputValue()).toContain('probe=%3Cimg');
  expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();
  expect(await page.locator('main img, dialog img').count()).toBe(0);
});
