// What every end-to-end test needs: the page opened with a long-task recorder and a recorder of what
// its workers report installed first, and ways to read the numbers a person reads.
//
// Nothing here waits for a time to pass: a test waits for the state the page promises (with timeouts
// that only bound a hang), and learns when the engine has settled from what the engine itself says.
import { expect, type Download, type FileChooser, type Page } from '@playwright/test';

// A main-thread task this long is a frozen page, however busy the machine: on a quiet machine the
// page's tasks take a few milliseconds. (How close it stays to the browser's 50 ms long-task line is
// measured by `npm run bench`: bench/web/.)
export const FROZEN_MS = 2000;

// For a wait on training itself (a loss to fall below a mark, a step count to reach): a busy 2-core
// machine trains several times slower than a quiet one, so such waits get four times the default.
export const TRAINING_WAIT = { timeout: 240_000 };

declare global {
  interface Window {
    __longTasks: { start: number; duration: number }[];
    __fromWorker: { type: string; step?: number }[];
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

// Records what the page's workers tell it, so a test can wait for the engine's own word — "paused at
// step 417", "here is the validation of step 5" — instead of guessing how long that takes on this
// machine. Each entry: an event's type (not the steady stream of progress) or the kind of request a
// reply answers ('validate', 'probe', 'inspect'…), with the step it names. The page itself is
// unchanged: one more listener, and the requests it sends are noted on their way (replies name only
// the request's id).
export async function recordWorkerReports(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__fromWorker = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      private readonly kinds = new Map<number, string>();

      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const d = e.data as { type?: string; id?: number; ok?: boolean; reply?: { step?: unknown }; event?: { type: string; step?: unknown } } | null;
          const step = (x: unknown) => (typeof x === 'number' ? x : undefined);
          if (d?.type === 'event' && d.event && d.event.type !== 'progress') {
            window.__fromWorker.push({ type: d.event.type, step: step(d.event.step) });
          } else if (d?.type === 'reply' && typeof d.id === 'number') {
            const kind = this.kinds.get(d.id) ?? 'reply';
            this.kinds.delete(d.id);
            window.__fromWorker.push({ type: d.ok ? kind : `${kind} failed`, step: step(d.reply?.step) });
          }
        });
      }

      override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
        const m = message as { type?: string; id?: number; kind?: string } | null;
        if (m?.type === 'request' && typeof m.id === 'number' && typeof m.kind === 'string') this.kinds.set(m.id, m.kind);
        super.postMessage(message, transfer as Transferable[]);
      }
    };
  });
}

// Opens the playground and waits until a model is built and Train can be pressed.
export async function openPlayground(page: Page, hash = ''): Promise<void> {
  await recordLongTasks(page);
  await recordWorkerReports(page);
  await page.goto(`./${hash}`);
  await expect(page.locator('#train')).toBeEnabled();
  await expect(page.locator('#run-status')).toContainText('press Train');
}

// Presses Pause and returns the step the engine says it stopped at (steps finished before the pause
// arrived included), once the page shows it.
export async function pause(page: Page): Promise<number> {
  const before = await pausedReports(page);
  await expect(page.locator('#train')).toHaveText('Pause');
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Train');
  await expect.poll(() => pausedReports(page)).toBeGreaterThan(before);
  const step = await page.evaluate(() => window.__fromWorker.filter((m) => m.type === 'paused').pop()!.step!);
  await expect(page.locator('#stat-step')).toHaveText(step.toLocaleString('en-US'));
  return step;
}

async function pausedReports(page: Page): Promise<number> {
  return page.evaluate(() => window.__fromWorker.filter((m) => m.type === 'paused').length);
}

// Waits until the answers the page asks for whenever the weights stop changing (after a pause or a
// Step) have come back for `step` and are on screen: the validation loss, the probe's bars and the
// heatmap. Reading the figures any earlier may read the previous step's.
// How "on screen" is known: the page asks for validation, probe and heatmap in that order and the
// worker answers in order, so the heatmap's answer comes last; the page draws every part that changed
// in one frame (FrameScheduler), so once the heatmap says "weights of step N", the others are drawn.
export async function settledAt(page: Page, step: number): Promise<void> {
  await expect(page.locator('#stat-step')).toHaveText(step.toLocaleString('en-US'));
  await expect.poll(() => page.evaluate((s) => {
    const log = window.__fromWorker;
    let at = -1;
    for (let i = log.length - 1; i >= 0 && at < 0; i--) if (log[i].type === 'paused' && log[i].step === s) at = i;
    const after = at < 0 ? [] : log.slice(at + 1).map((m) => `${m.type}:${m.step ?? ''}`);
    const validated = after.indexOf(`validate:${s}`);
    const probed = after.indexOf('probe:');
    const inspected = after.indexOf(`inspect:${s}`);
    return validated >= 0 && probed >= 0 && inspected > validated && inspected > probed;
  }, step), { message: `the validation, probe and heatmap of step ${step} arrive in that order` }).toBe(true);
  await expect(page.locator('#heat-status')).toHaveText(`weights of step ${step.toLocaleString('en-US')}`);
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

// Opens a teaching view by its tab, as a person clicks it, until the view shows. A click can land beside
// the tab when the page moves under it on a loaded machine (seen once, on a CI-sized machine under load);
// a tab already open is never clicked again, since a second click closes it.
export async function openTeachView(page: Page, id: string): Promise<void> {
  const tab = page.locator(`#tab-${id}`);
  await expect(async () => {
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(page.locator(`#view-${id}`)).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 120_000 });
}

// Makes `characters` of English-like words (deterministic, ASCII, lines of random length) in the page and
// pastes them into the text box as a person would. Generated inside the page, so only the paste crosses
// the wire; `at` is the page's clock after generating, before pasting (only the page's own work is after).
export async function pasteGeneratedText(page: Page, characters: number): Promise<{ pasted: number; at: number }> {
  const pasted = await page.evaluate((total) => {
    const words = ['the ', 'quick ', 'brown ', 'fox ', 'jumps ', 'over ', 'lazy ', 'dogs ', '\n'];
    const parts: string[] = [];
    for (let n = 0, k = 1; n < total; n += parts[parts.length - 1].length) {
      k = (k * 1103515245 + 12345) % 2147483648;
      parts.push(words[k % 9]);
    }
    (window as unknown as { __text: string }).__text = parts.join('');
    return (window as unknown as { __text: string }).__text.length;  // ASCII: one code point per unit
  }, characters);
  const at = await now(page);
  await page.locator('#text').evaluate((el: HTMLTextAreaElement) => {
    const data = new DataTransfer();
    data.setData('text/plain', (window as unknown as { __text: string }).__text);
    el.select();
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  return { pasted, at };
}

// Counts how often the step counter on screen changes within `millis` (a measurement: bench/web/).
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

// Starts counting the changes of the step counter on screen; the returned function reads the count.
export async function countStepChanges(page: Page): Promise<() => Promise<number>> {
  const key = await page.evaluate(() => {
    const w = window as unknown as Record<string, number>;
    const name = `__stepChanges${Object.keys(w).filter((k) => k.startsWith('__stepChanges')).length}`;
    w[name] = 0;
    new MutationObserver(() => (w[name] += 1)).observe(document.getElementById('stat-step')!, { characterData: true, childList: true, subtree: true });
    return name;
  });
  return () => page.evaluate((k) => (window as unknown as Record<string, number>)[k], key);
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
