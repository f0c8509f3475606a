// A measurement of this machine, part of `npm run bench` (not of `npm test`): data-parallel training in
// the page (issue 15). Characters per second with 1, 2, … workers (up to the machine's cores) for an
// LSTM of 256 units and one of 512 units × 2 layers, batch 32, window 64, trained by the page itself
// (its worker coordinating replica workers), and the figure the design is judged by: on 2 cores, two
// workers train H 512 × 2 at least 1.6 times as fast as one.
//
// Speed is read from what the worker reports (characters of each step and the wall time between
// reports), over the best window after a warm-up, so a busy machine's worst moments do not decide it;
// the load average is printed with the table, since the machine may be shared.
import { expect, test, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { openPlayground } from '../../tests/web/e2e/helpers';

const WARM_MS = 8000;
const MEASURE_MS = 30000;
const WINDOW_MS = 8000;
const MODELS = [
  { name: 'LSTM H256', hash: 'hidden=256&layers=1' },
  { name: 'LSTM H512×2', hash: 'hidden=512&layers=2' },
];

declare global {
  interface Window {
    __steps: { at: number; characters: number }[];
  }
}

async function recordSteps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__steps = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const d = e.data as { type?: string; event?: { type: string; progress?: { characters: number } } } | null;
          if (d?.type === 'event' && d.event?.type === 'progress') window.__steps.push({ at: performance.now(), characters: d.event.progress!.characters });
        });
      }
    };
  });
}

// The best characters per second over any WINDOW_MS stretch of the reports after `from`.
function bestRate(steps: { at: number; characters: number }[], from: number): number {
  const after = steps.filter((s) => s.at >= from);
  let best = 0;
  for (let i = 0; i < after.length; i++) {
    let chars = 0;
    for (let j = i + 1; j < after.length; j++) {
      chars += after[j].characters;
      const span = after[j].at - after[i].at;
      if (span >= WINDOW_MS) {
        best = Math.max(best, (chars / span) * 1000);
        break;
      }
    }
  }
  return best;
}

async function measure(page: Page, workers: number, model: string): Promise<number> {
  await recordSteps(page);
  await openPlayground(page, `#preset=story&workers=${workers}&${model}&seq=64&batch=32`);
  const started = await page.evaluate(() => performance.now());
  await page.locator('#train').click();
  await page.waitForTimeout(WARM_MS + MEASURE_MS);
  await page.locator('#train').click();
  await expect(page.locator('#train')).toHaveText('Train');
  return bestRate(await page.evaluate(() => window.__steps), started + WARM_MS);
}

test('characters per second with 1, 2, … workers in the page', async ({ browser }) => {
  const cores = cpus().length;
  const rows: string[] = [];
  const ratios: Record<string, number> = {};
  for (const model of MODELS) {
    const rates: number[] = [];
    for (let workers = 1; workers <= Math.max(2, cores); workers++) {
      const page = await browser.newPage();
      rates.push(await measure(page, workers, model.hash));
      await page.close();
    }
    ratios[model.name] = rates[1] / rates[0];
    rows.push(`| ${model.name} | ${rates.map((r, i) => `${Math.round(r)} (${(r / rates[0]).toFixed(2)}×)${i === 0 ? '' : ''}`).join(' | ')} |`);
  }
  const header = `| model | ${Array.from({ length: Math.max(2, cores) }, (_, i) => `${i + 1} worker${i ? 's' : ''}`).join(' | ')} |`;
  console.log([`cores ${cores}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`, header, rows.join('\n')].join('\n'));
  expect(ratios['LSTM H512×2']).toBeGreaterThanOrEqual(1.6);
});
