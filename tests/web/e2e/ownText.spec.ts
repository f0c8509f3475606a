// A text of one's own, end to end: every panel follows the text a person brings (the probe, the gate
// grids, the teaching views), a text the person typed into a panel stays, a preset brings its own
// texts back, characters the model does not know get a one-click way out, and overfitting is said.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openPlayground, openTeachView } from './helpers';

const SHOTS = 'artifacts/screenshots';

// Written for this test (not from a preset): a Korean text long enough to train on.
const KOREAN_LINES = [
  '아침마다 항구에는 작은 배들이 들어왔다. 어부들은 그물을 내리고 생선을 상자에 담았다.',
  '시장 골목에서는 할머니들이 채소를 팔았고, 아이들은 학교에 가는 길에 붕어빵을 샀다.',
  '비가 오는 날이면 사람들은 우산을 쓰고 천천히 걸었다. 바다 냄새가 골목까지 올라왔다.',
  '저녁이 되면 등대에 불이 켜졌고, 마을 사람들은 창가에 앉아 멀리 지나가는 배를 보았다.',
  '도서관에는 오래된 책이 많았다. 선생님은 아이들에게 바다에 사는 생물 이야기를 읽어 주었다.',
];
const KOREAN = Array.from({ length: 8 }, (_, i) => KOREAN_LINES.map((l, j) => `${i + 1}-${j + 1}. ${l}`).join('\n')).join('\n\n');

// An English text without q, x, z, j, v and without capitals: the presets' probe ("The Lamplighter of")
// and grid text ("Every evening at a quarter…") hold letters this model never sees.
const PLAIN = Array.from({ length: 30 }, (_, i) =>
  `on day ${i + 1} the baker opened her shop at eight and sold bread to the people of the town; the ferry brought more of them across the water.`,
).join('\n');

const PRESET_TEXTS = ['The Lamplighter of', 'Every evening at a quarter', '바닷가 마을의'];

async function pasteAndTrain(page: Page, text: string): Promise<void> {
  await page.locator('#text').fill(text);
  await expect(page.locator('#preset')).toHaveValue('custom');
  // A model that has trained is not thrown away by typing: the new text is applied on request. The
  // button shows with the page's next frame, so wait for it or for an untrained model's own status.
  const apply = page.locator('#apply-text');
  const ready = page.locator('#run-status', { hasText: 'press Train' });
  await expect.poll(async () => (await apply.isVisible()) || (await ready.isVisible())).toBe(true);
  if (await apply.isVisible()) await apply.click();
  await expect(ready).toBeVisible();
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Pause');
}

// The probe and the grids show a piece of `text`, with no character left out, and no preset's text.
async function panelsFollow(page: Page, text: string): Promise<void> {
  const probe = await page.locator('#probe').inputValue();
  const heat = await page.locator('#heat-text').inputValue();
  expect(probe.length).toBeGreaterThan(4);
  expect(text.startsWith(probe)).toBe(true);
  expect(text.includes(heat)).toBe(true);
  for (const preset of PRESET_TEXTS) {
    expect(probe).not.toContain(preset);
    expect(heat).not.toContain(preset);
  }
  await expect(page.locator('.probe-bar')).toHaveCount(10);
  await expect(page.locator('.probe-note')).toBeHidden();
  await page.locator('#heatmap-panel').scrollIntoViewIfNeeded();
  await expect(page.locator('canvas[data-gate="h"]')).toBeVisible();
  await expect(page.locator('#heat-status')).toContainText('weights of step');
  await expect(page.locator('.heat-note')).toBeHidden();
}

test('a Korean text and an English text without some letters: every panel follows the text', async ({ page }) => {
  await openPlayground(page);
  await pasteAndTrain(page, KOREAN);
  await panelsFollow(page, KOREAN);
  // The teaching views read the same text.
  await openTeachView(page, 'anatomy');
  await expect(page.locator('#anatomy-text')).toHaveValue(await page.locator('#heat-text').inputValue());
  mkdirSync(SHOTS, { recursive: true });
  await page.locator('#text-panel details summary').click();  // the vocabulary's chips, to look at
  for (const [name, width] of [['1280', 1280], ['390', 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/korean-own-${name}.png`, fullPage: true });
    for (const panel of ['text-panel', 'sample-panel', 'heatmap-panel']) await page.locator(`#${panel}`).screenshot({ path: `${SHOTS}/korean-own-${name}-${panel}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('#train').click();  // Pause
  await expect(page.locator('#train')).toHaveText('Train');

  await pasteAndTrain(page, PLAIN);
  await panelsFollow(page, PLAIN);
});

test('a text typed into the probe stays when the training text changes; a preset brings its own texts back', async ({ page }) => {
  await openPlayground(page);
  await page.locator('#probe').fill('Harrow Street ');
  await page.locator('#text').fill(PLAIN);
  await expect(page.locator('#run-status')).toContainText('press Train');
  await expect(page.locator('#probe')).toHaveValue('Harrow Street ');
  expect(PLAIN.includes(await page.locator('#heat-text').inputValue())).toBe(true);
  // Its capitals are not in this model's vocabulary: the note names them and offers a piece of the text.
  const note = page.locator('.probe-note');
  await expect(note).toContainText('Not in the training text’s vocabulary, so read as an all-zero input: H S');
  await note.locator('button', { hasText: 'Use a piece of the training text' }).click();
  await expect(page.locator('#probe')).toHaveValue(/^on day 1 /);
  await expect(note).toBeHidden();

  await page.locator('#preset').selectOption('story');
  await expect(page.locator('#probe')).toHaveValue('The Lamplighter of ');
  await expect(page.locator('#heat-text')).toHaveValue(/^Every evening at a quarter/);
});

test('overfitting is noticed, explained, and each remedy is one click', async ({ page }) => {
  test.setTimeout(600_000);
  // A short text and a big network: the model learns it by heart within a few hundred steps.
  await openPlayground(page, '#hidden=256&val=0.2');
  await pasteAndTrain(page, KOREAN.slice(0, 1500));
  const notice = page.locator('[data-notice="overfitting"]');
  await expect(notice).toBeVisible({ timeout: 480_000 });
  await expect(notice).toContainText('has risen from');
  await expect(notice).toContainText('overfitting');
  await notice.locator('button', { hasText: 'Add dropout (0.2)' }).click();
  await expect(page.locator('input[data-key="dropout"]')).toHaveValue('0.2');
  await expect(notice).toBeHidden();
});
