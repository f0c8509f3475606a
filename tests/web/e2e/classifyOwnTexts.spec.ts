// "Who wrote this line?" from the learner's own texts (issue 13): two or more named texts, pasted,
// dropped on their box or taken from a preset, become labelled lines (the core's labelLines) that a
// classifier trains on; texts that cannot be used are refused with a clear message in either language.
import { expect, test, type Page } from '@playwright/test';
import { openPlayground } from './helpers';
import { expectAllKorean } from './koreanSweep';

const SEA = ['The tide came in over the rocks.', 'Gulls cried above the harbour wall.', 'A boat rocked at its mooring.',
  'Salt dried white on the nets.', 'The lighthouse turned all night.', 'Waves broke on the shingle.'].join('\n');
const KITCHEN = ['Add two cups of flour and stir.', 'Bake for forty minutes until golden.', 'Whisk the eggs with sugar.',
  'Let the dough rest under a cloth.', 'Chop the onions very fine.', 'Season the soup with pepper.'].join('\n');

const form = (page: Page) => page.locator('#own-texts');
const box = (page: Page, n: number) => form(page).locator(`[data-own-text="${n}"] textarea`);
const name = (page: Page, n: number) => form(page).locator(`[data-own-text="${n}"] input`);
const message = (page: Page) => page.locator('#own-texts-message');

test('own texts: refused with a reason, then labelled by their names and trained on', async ({ page }) => {
  await openPlayground(page, '#task=classify&hidden=24');
  await form(page).locator('summary').click();
  const use = page.locator('#own-texts-use');

  await box(page, 1).fill(SEA);
  await use.click();
  await expect(message(page)).toHaveText('Give at least 2 texts: the label of a line is which text it came from, so one text alone teaches nothing.');
  await box(page, 2).fill('One line.\nTwo lines.\nThree.');
  await use.click();
  await expect(message(page)).toHaveText('The text “Text 2” has only 3 lines; each text needs at least 5 (some to learn from, one held out to measure).');
  await box(page, 2).fill(SEA.split('\n').reverse().join('\n'));
  await use.click();
  await expect(message(page)).toHaveText('The texts “Text 1” and “Text 2” have the same lines: a classifier cannot tell them apart. Use texts that differ.');
  await name(page, 2).fill('Text 1');
  await use.click();
  await expect(message(page)).toContainText('Texts 1 and 2 have the same name “Text 1”');

  // Named and different: every line labelled with its text's name, the page's text replaced.
  await name(page, 1).fill('Sea');
  await name(page, 2).fill('');
  await box(page, 2).fill(KITCHEN);
  await use.click();
  await expect(message(page)).toHaveText('The texts are labelled: 12 lines from 2 texts. The page’s text is now these labelled lines, and a new classifier learns from them.');
  await expect(page.locator('#text')).toHaveValue(/^Sea\tThe tide came in over the rocks\.\n/);
  await expect(page.locator('#text')).toHaveValue(/Text 2\tSeason the soup with pepper\.\n?$/);
  await expect(page.locator('#preset')).toHaveValue('custom');
  await expect(page.locator('#run-status')).toContainText('press Train');
  await page.locator('#step').click();
  await expect(page.locator('#confusion-matrix tbody th')).toHaveText(['Sea', 'Text 2']);
  // A text of one's own this short goes into the link, as any pasted text does.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('text=');

  await page.locator('#classify-panel').screenshot({ path: 'artifacts/screenshots/task-own-texts-1280.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('#own-texts').screenshot({ path: 'artifacts/screenshots/task-own-texts-390.png' });
});

test('own texts: a file dropped on a box fills that box only; a preset fills a box and names it', async ({ page }) => {
  await openPlayground(page, '#task=classify&hidden=24');
  await form(page).locator('summary').click();
  const before = await page.locator('#text').inputValue();
  await box(page, 1).evaluate((el, text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'kitchen-notes.txt'));
    for (const type of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  }, KITCHEN);
  await expect(box(page, 1)).toHaveValue(KITCHEN);
  await expect(name(page, 1)).toHaveValue('kitchen-notes');
  await expect(page.locator('#text')).toHaveValue(before);  // the page's own text is not replaced by it
  await expect(page.locator('.drop-overlay')).toBeHidden();

  await page.locator('#own-texts-add').click();
  await expect(form(page).locator('.own-text')).toHaveCount(3);
  await form(page).locator('[data-own-text="3"] select').selectOption('korean');
  await expect(name(page, 3)).toHaveValue('Korean story');
  await expect(form(page).locator('[data-own-text="3"] .own-text-count')).toContainText(/\d lines/);
  await page.locator('#own-texts-remove').click();
  await expect(form(page).locator('.own-text')).toHaveCount(2);
  await expect(page.locator('#own-texts-remove')).toBeDisabled();
});

test('own texts: the form and its refusals speak Korean', async ({ page }) => {
  await page.goto('./#task=classify&hidden=24&lang=ko');
  await expect(page.locator('#train')).toBeEnabled();
  await form(page).locator('summary').click();
  await box(page, 1).fill(SEA);
  await page.locator('#own-texts-use').click();
  await expect(message(page)).toHaveText('텍스트를 2개 이상 주세요. 줄의 레이블은 그 줄이 어느 텍스트에서 왔는지이므로, 텍스트 하나로는 배울 것이 없습니다.');
  await box(page, 2).fill(SEA);
  await page.locator('#own-texts-use').click();
  await expect(message(page)).toContainText('“텍스트 1”, “텍스트 2” 두 텍스트는 줄이 똑같아서');
  await expectAllKorean(page, 'the own-texts form');
});

test('own texts: a lesson that fixes the text has no form to replace it', async ({ page }) => {
  await openPlayground(page, '#task=classify&lock=text');
  await expect(page.locator('#classify-panel')).toBeVisible();
  await expect(form(page)).toBeHidden();
});
