// A measurement of this machine, part of `npm run bench` (not of `npm test`): data-parallel training in
// the page (issue 15). Characters per second with 1, 2, … workers (up to the machine's cores) for an
// LSTM of 256 units and one of 512 units × 2 layers, batch 32, window 64, trained by the page itself
// (its worker coordinating replica workers), and the figure the design is judged by: on 2 cores, two
// workers train H 512 × 2 at least 1.6 times as fast as one.
//
// Speed is read from what the worker reports (characters of each step and the wall time between its
// reports) over a fixed number of steps after a warm-up; the load average is printed with the table,
// since the machine may be shared (on a loaded 2-core machine the second worker has no core to run on).
import { expect, test, type Page } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { openPlayground } from '../../tests/web/e2e/helpers';

// A fixed amount of work per run: warm-up steps (V8's optimizing tier, the replicas' start), then the
// measured steps, timed between the worker's reports of them.
const MODELS = [
  { name: 'LSTM H256', hash: 'hidden=256&layers=1', warm: 6, steps: 40 },
  { name: 'LSTM H512×2', hash: 'hidden=512&layers=2', warm: 2, steps: 10 },
];
type Model = (typeof MODELS)[number];

declare global {
  interface Window {
    __reports: { at: number; steps: number; characters: number }[];
  }
}

async function recordReports(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__reports = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', (e: MessageEvent) => {
          const d = e.data as { type?: string; event?: { type: string; progress?: { characters: number; losses: Float32Array } } } | null;
          const p = d?.type === 'event' && d.event?.type === 'progress' ? d.event.progress : undefined;
          if (p) window.__reports.push({ at: performance.now(), steps: p.losses.length, characters: p.characters });
        });
      }
    };
  });
}

const stepsDone = (page: Page) => page.evaluate(() => window.__reports.reduce((a, r) => a + r.steps, 0));

// Characters per second over the measured steps: from the report that completes the warm-up to the one
// that completes the measurement.
async function measure(page: Page, workers: number, model: Model): Promise<number> {
  await recordReports(page);
  await openPlayground(page, `#preset=story&workers=${workers}&${model.hash}&seq=64&batch=32`);
  await page.locator('#train').click();
  await expect.poll(() => stepsDone(page), { timeout: 1_200_000, intervals: [500] }).toBeGreaterThanOrEqual(model.warm + model.steps);
  await page.locator('#train').click();
  const reports = await page.evaluate(() => window.__reports);
  let done = 0;
  let from = -1;
  let chars = 0;
  for (const r of reports) {
    done += r.steps;
    if (from >= 0) chars += r.characters;
    if (from < 0 && done >= model.warm) from = r.at;
    else if (from >= 0 && done >= model.warm + model.steps) return (chars / (r.at - from)) * 1000;
  }
  throw new Error('too few reports');
}

test('characters per second with 1, 2, … workers in the page', async ({ browser }) => {
  const cores = cpus().length;
  const rows: string[] = [];
  const ratios: Record<string, number> = {};
  for (const model of MODELS) {
    const rates: number[] = [];
    for (let workers = 1; workers <= Math.max(2, cores); workers++) {
      const page = await browser.newPage();
      rates.push(await measure(page, workers, model));
      await page.close();
    }
    ratios[model.name] = rates[1] / rates[0];
    rows.push(`| ${model.name} | ${rates.map((r) => `${Math.round(r)} (${(r / rates[0]).toFixed(2)}×)`).join(' | ')} |`);
  }
  const header = `| model | ${Array.from({ length: Math.max(2, cores) }, (_, i) => `${i + 1} worker${i ? 's' : ''}`).join(' | ')} |`;
  console.log([`cores ${cores}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`, header, rows.join('\n')].join('\n'));
  expect(ratios['LSTM H512×2']).toBeGreaterThanOrEqual(1.6);
});
