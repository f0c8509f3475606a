// Issue 6: a model file is loaded by picking it or dropping it; a dropped text file becomes the text.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { downloadModel, number, openPlayground } from './helpers';

// Drops a file on the page the way a person's drag-and-drop arrives: dragenter, then a drop event
// whose DataTransfer holds the file.
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.evaluate(({ name, base64 }) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { name, base64: bytes.toString('base64') });
}

test('a dropped text file becomes the text; a dropped model file opens and continues its run', async ({ page }, testInfo) => {
  await openPlayground(page, '#seq=32&batch=8');
  const rhyme = 'Hickory dickory dock, the mouse ran up the clock. 🐭 '.repeat(60);
  await dropFile(page, 'rhyme.txt', Buffer.from(rhyme));
  await expect.poll(() => number(page, '#text-characters')).toBe([...rhyme].length);
  await expect(page.locator('#text')).toHaveValue(rhyme);
  await expect(page.locator('#run-status')).toContainText('ready');

  for (let i = 0; i < 2; i++) await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(2);
  const download = await downloadModel(page);
  const file = testInfo.outputPath('dropped.safetensors');
  await download.saveAs(file);
  await page.locator('#reset').click();
  await expect(page.locator('#stat-step')).toHaveText('0');

  await dropFile(page, 'dropped.safetensors', readFileSync(file));
  await expect(page.locator('[data-notice="loaded"]')).toContainText('Opened dropped.safetensors');
  await expect(page.locator('#stat-step')).toHaveText('2');
  await expect(page.locator('.drop-overlay')).toBeHidden();
});

test('a lesson that hides model files refuses a dropped model, and says so', async ({ page }) => {
  await openPlayground(page, '#hide=file');
  await dropFile(page, 'model.safetensors', Buffer.from('not even a model'));
  await expect(page.locator('[data-notice="drop"]')).toContainText('Model files are switched off in this lesson');
});

test('a lesson that locks the cell refuses a model file of another cell, and keeps its own model', async ({ page }, testInfo) => {
  await openPlayground(page, '#seq=32&batch=8');  // an LSTM, as a student might have saved at home
  await page.locator('#step').click();
  await expect.poll(() => number(page, '#stat-step')).toBe(1);
  const download = await downloadModel(page);
  const file = testInfo.outputPath('lstm.safetensors');
  await download.saveAs(file);

  const lesson = await page.context().newPage();  // the teacher's link, opened fresh
  await openPlayground(lesson, '#cell=gru&seq=32&batch=8&lock=cell');
  await dropFile(lesson, 'lstm.safetensors', readFileSync(file));
  const notice = lesson.locator('[data-notice="loaded"]');
  await expect(notice).toContainText('Could not open lstm.safetensors');
  await expect(notice).toContainText('cell lstm (the lesson fixes gru)');
  await expect(lesson.locator('#run-status')).toContainText('GRU 128 ready');
});
