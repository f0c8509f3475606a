// What every end-to-end test needs: the page opened with a long-task recorder installed first, and
// ways to read the numbers a person reads.
import { expect, type Download, type FileChooser, type Page } from '@playwright/test';

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
  }
}

// Records every main-thread task over 50 ms (the browser's definition of a long task) from the start.
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

// Opens the playground and waits until a model is built and Train can be pressed.
export async function openPlayground(page: Page, hash = ''): Promise<void> {
  await recordLongTasks(page);
  await page.goto(`./${hash}`);
  await expect(page.locator('#train')).toBeEnabled({ timeout: 20_000 });
  await expect(page.locator('#run-status')).toContainText('press Train');
}

export async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export async function number(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).textContent()) ?? '';
  return Number(text.replace(/,/g, ''));
}

export async function longTasksSince(page: Page, since: number): Promise<{ start: number; duration: number }[]> {
  return page.evaluate((t) => window.__longTasks.filter((e) => e.start >= t), since);
}

// Counts how often the step counter on screen changes within `millis`.
export async function screenUpdates(page: Page, millis: number): Promise<number> {
  return page.evaluate((ms) => new Promise<number>((resolve) => {
    let changes = 0;
    const target = document.getElementById('stat-step')!;
    const observer = new MutationObserver((records) => (changes += records.length > 0 ? 1 : 0));
    observer.observe(target, { characterData: true, childList: true, subtree: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(changes);
    }, ms);
  }), millis);
}

// The pixels of one heatmap canvas, as a data URL (equal strings: the same picture).
export async function canvasPixels(page: Page, gate: string): Promise<string> {
  return page.locator(`canvas[data-gate="${gate}"]`).evaluate((c: HTMLCanvasElement) => c.toDataURL());
}

// Distinct colours in the grid part of a canvas: a blank or one-colour canvas has 1 or 2.
export async function canvasColours(page: Page, gate: string): Promise<number> {
  return page.locator(`canvas[data-gate="${gate}"]`).evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });
}

// Presses Download model: the file as a person gets it.
export async function downloadModel(page: Page): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-model').click()]);
  return download;
}

// Opens files through "Open model…", as a person picks them.
export async function openModelFile(page: Page, files: Parameters<FileChooser['setFiles']>[0]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('button', { hasText: 'Open model…' }).click()]);
  await chooser.setFiles(files);
}
