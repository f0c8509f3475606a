// The teaching views with a task other than the language model (issue 13): views that read the gate
// views' text read what the model reads (a tagger: no spaces; a classifier: one line, no label), and
// views about next-character prediction say they show the language-model task instead of showing
// another model's outputs as if they were next characters.
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, openTeachView } from './helpers';

// The text the shapes view says the model read ("… reads “X” …").
async function shapesRead(page: Page): Promise<string> {
  await expect(page.locator('#shapes-live')).toContainText('the model reads');
  return /reads “([^”]*)”/s.exec((await page.locator('#shapes-live').textContent())!)![1];
}

test('spacing: the views read the text without its spaces; softmax and connectivity say they show the language model', async ({ page }) => {
  await openPlayground(page, '#task=spacing&bidir=1&hidden=16');
  await page.locator('#step').click();
  await openTeachView(page, 'shapes');
  const read = await shapesRead(page);
  await page.locator('#view-shapes').screenshot({ path: 'artifacts/screenshots/teach-shapes-spacing-1280.png' });
  expect(read.length).toBeGreaterThan(10);
  expect(read).not.toMatch(/[\s␣]/);  // a space is drawn as ␣
  // Every character read gets the tagger's answer (a space after it or not): as many as were read.
  const answered = /answers “([^”]*)”/s.exec((await page.locator('#shapes-live').textContent())!)![1];
  expect([...answered]).toHaveLength([...read].length);
  await openTeachView(page, 'anatomy');
  await expect(page.locator('#anatomy-status')).toContainText('weights of step 1');
  await openTeachView(page, 'softmax');
  await expect(page.locator('#softmax-status')).toHaveText(/^This view shows the language-model task/);
  await expect(page.locator('#softmax-output')).toBeHidden();
  // No next character to choose a step for or to reshape by temperature: no sliders either, nor headings.
  for (const slider of ['#softmax-step', '#softmax-temperature']) await expect(page.locator(slider)).toBeHidden();
  await expect(page.locator('#view-softmax .teach-sub')).toHaveCount(2);
  for (const head of await page.locator('#view-softmax .teach-sub').all()) await expect(head).toBeHidden();
  await page.locator('#view-softmax').screenshot({ path: 'artifacts/screenshots/teach-softmax-spacing-1280.png' });
  await openTeachView(page, 'connectivity');
  await expect(page.locator('#view-connectivity')).toContainText('Choose the language-model task to use it.');
});

test('classify: the views read one line without its label', async ({ page }) => {
  await openPlayground(page, '#task=classify&hidden=16');
  await page.locator('#step').click();
  await openTeachView(page, 'shapes');
  await expect(page.locator('#shapes-live')).toContainText('At step 1');
  const read = await shapesRead(page);
  expect(read).not.toMatch(/[\t\n⇥↵]/);  // drawn as ⇥ and ↵
  expect(read).not.toMatch(/^(aunt|captain)/);
  await openTeachView(page, 'softmax');
  await expect(page.locator('#softmax-status')).toHaveText(/^This view shows the language-model task/);
  for (const slider of ['#softmax-step', '#softmax-temperature']) await expect(page.locator(slider)).toBeHidden();
  // Back to the language model: its bars and both sliders return.
  await page.locator('input[data-key="task"][value="lm"]').check();
  await page.locator('#confirm-yes').click();  // a new model, the trained one is replaced
  await expect(page.locator('#softmax-output')).toBeVisible();
  for (const slider of ['#softmax-step', '#softmax-temperature']) await expect(page.locator(slider)).toBeVisible();
});
