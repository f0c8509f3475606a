// WCAG 2.1 AA, checked by axe-core on the real page: idle and training at laptop and phone width in
// English and in Korean, and with each dialog and each teaching view open in two of those four (English
// on a laptop, Korean on a phone: the views are the same in both languages, only their words differ, and
// the Korean sweep checks every word). Zero violations of the wcag2a/aa, wcag21a/aa and best-practice rules.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { openTeachView } from './helpers';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf-8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

// The rules over the whole page, or over one part of it (a dialog, a teaching view: the rest of the page
// is unchanged since the last whole-page run, and checking it again would only cost time).
async function violations(page: Page, where: string, part?: string): Promise<string[]> {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ content: AXE_SOURCE });
  const found = await page.evaluate(async ({ tags, part }) => {
    const axe = (window as unknown as { axe: { run(ctx: Document | string, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(part ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, { tags: TAGS, part });
  return found.map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

// Live figures (canvases, charts) that are visible but whose description — the sentence saying what they
// show now — is missing or empty.
async function undescribedFigures(page: Page): Promise<string[]> {
  return page.locator('canvas[role=img], .chart-holder[role=img], .teach-chart[role=img]').evaluateAll((figures) =>
    figures.filter((f) => (f as HTMLElement).offsetParent !== null).flatMap((f) => {
      const by = f.getAttribute('aria-describedby');
      const text = by ? document.getElementById(by)?.textContent?.trim() : '';
      return text ? [] : [`${f.id || f.className}: no description of what it shows now`];
    }));
}

async function viewIds(page: Page): Promise<string[]> {
  return page.locator('.teach-tab').evaluateAll((tabs) => tabs.map((t) => (t as HTMLElement).dataset.view ?? ''));
}

// What the run status says once a model is ready, in each language.
const READY = { en: 'press Train', ko: '학습을 누르세요' };

const CASES = [
  { lang: 'en', name: 'laptop', width: 1280, height: 800, everything: true },
  { lang: 'en', name: 'phone', width: 390, height: 844, everything: false },
  { lang: 'ko', name: 'laptop', width: 1280, height: 800, everything: false },
  { lang: 'ko', name: 'phone', width: 390, height: 844, everything: true },
] as const;

for (const { lang, name, width, height, everything } of CASES) {
  const what = everything ? 'idle, training, dialogs, teaching views' : 'idle, training';
  test(`no WCAG 2.1 AA violations (${lang}, ${name}): ${what}`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.setViewportSize({ width, height });
    await page.goto(`./#lang=${lang}`);
    await expect(page.locator('#train')).toBeEnabled();
    await expect(page.locator('#run-status')).toContainText(READY[lang]);
    const found = await violations(page, 'idle');
    await page.locator('#train').click();
    await expect(page.locator('#stat-step')).not.toHaveText('0');
    await expect(page.locator('#samples .sample')).not.toHaveCount(0);
    found.push(...await violations(page, 'training'));
    found.push(...await undescribedFigures(page));
    await page.locator('#train').click();  // pause
    if (!everything) {
      expect(found, found.join('\n')).toEqual([]);
      return;
    }
    for (const dialog of ['open-share', 'open-saves', 'open-runs']) {
      await page.locator(`#${dialog}`).click();
      await expect(page.locator('dialog[open]')).toBeVisible();
      found.push(...await violations(page, dialog, 'dialog[open]'));
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog[open]')).toHaveCount(0);
    }
    for (const id of await viewIds(page)) {
      await openTeachView(page, id);
      found.push(...await violations(page, `view ${id}`, '#teach-panel'));
      found.push(...await undescribedFigures(page));
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}

test('no WCAG 2.1 AA violations on a memory task: the distance slider and the memory panel, both languages, phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const lang of ['en', 'ko'] as const) {
    await page.goto('about:blank');
    await page.goto(`./#preset=copy&distance=40&hidden=32&lang=${lang}`);
    await expect(page.locator('#run-status')).toContainText(READY[lang]);
    await expect(page.locator('#memory-headline')).toHaveAttribute('data-step', '0');
    const found = await violations(page, `memory ${lang}`);
    expect(found, found.join('\n')).toEqual([]);
  }
});
