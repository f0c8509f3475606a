// The built playground in Debian's Firefox ESR, driven over WebDriver BiDi (Firefox's own remote
// protocol: Playwright's patched Firefox cannot be downloaded here). Opens the page, trains until the
// model has learned something, types in the probe, samples; fails on any engine error or if the model
// did not train. It waits for what the page shows, never for a time: each wait is bounded only to
// end a hang (WAIT_MS), so a slow or busy machine makes it longer, not red.
//   node --experimental-websocket smoke.mjs URL SCREENSHOT.png   (Firefox listening on BIDI_PORT)
import { writeFileSync } from 'node:fs';

const [url, screenshot] = process.argv.slice(2);
const port = process.env.BIDI_PORT ?? '9333';
const ws = new WebSocket(`ws://127.0.0.1:${port}/session`);
const pending = new Map();
let lastId = 0;
ws.onmessage = (e) => {
  const m = JSON.parse(e.data);
  pending.get(m.id)?.(m);
  pending.delete(m.id);
};
const send = (method, params) => new Promise((resolve, reject) => {
  const id = ++lastId;
  pending.set(id, (m) => (m.type === 'error' ? reject(new Error(`${method}: ${m.message ?? m.error}`)) : resolve(m.result)));
  ws.send(JSON.stringify({ id, method, params }));
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const WAIT_MS = 120_000;
// Polls `expression` in the page until it is truthy or WAIT_MS pass; returns its last value.
// While the page is still building itself an element may not exist yet: that counts as not yet.
async function until(expression) {
  const end = Date.now() + WAIT_MS;
  const poll = () => page(expression).catch((e) => (Date.now() < end ? false : Promise.reject(e)));
  let value = await poll();
  while (!value && Date.now() < end) {
    await sleep(250);
    value = await poll();
  }
  return value;
}
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok ' : 'BAD'} ${what}`);
  if (!ok) failures.push(what);
};

await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error(`no WebDriver BiDi on port ${port}`)); });
await send('session.new', { capabilities: {} });
const context = (await send('browsingContext.getTree', {})).contexts[0].context;
// The value of `expression` in the page; an exception there is reported with its text, not as a missing value.
const page = async (expression) => {
  const r = await send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails?.text} (evaluating ${expression.slice(0, 80)})`);
  return r.result.value;
};
await send('browsingContext.setViewport', { context, viewport: { width: 1280, height: 800 } });
await send('browsingContext.navigate', { context, url, wait: 'complete' });

const ready = `!document.querySelector('#train').disabled && /ready/.test(document.querySelector('#run-status').textContent)`;
check(await until(ready), `model ready: ${await page(`document.querySelector('#run-status').textContent`)}`);
console.log(`    ${await page('navigator.userAgent')}; engine: ${await page(`document.querySelector('#engine').textContent`)}`);

await page(`document.querySelector('#train').click()`);
const stepShown = `Number(document.querySelector('#stat-step').textContent.replace(/,/g, ''))`;
const lossShown = `Number(document.querySelector('#stat-train').textContent)`;
await until(`${stepShown} >= 20 && ${lossShown} < 5.0`);
await page(`document.querySelector('#train').click()`);
await until(`!document.querySelector('#train').classList.contains('is-training')`);
const step = await page(stepShown);
const loss = await page(lossShown);
check(step >= 20 && loss < 5.0, `trained: step ${step}, training loss ${loss} bits/char (uniform guess 5.7)`);

await page(`(() => { const p = document.querySelector('#probe'); p.value = 'The lamp'; p.dispatchEvent(new Event('input', { bubbles: true })); })()`);
await page(`document.querySelector('#sample-now').click()`);
await until(`(document.querySelector('.sample-text')?.textContent ?? '').length > 50`);
const sample = (await page(`document.querySelector('.sample-text')?.textContent ?? ''`)) ?? '';
check(sample.length > 50, `sample: ${JSON.stringify(sample.slice(0, 60))}…`);
const bars = await until(`document.querySelectorAll('#probe-panel [class*=bar]').length`);
check(bars > 0, `probe answered (${bars} bar elements)`);
check((await page(`document.querySelectorAll('[data-notice="fatal"]').length`)) === 0, 'no engine failure');

writeFileSync(screenshot, Buffer.from((await send('browsingContext.captureScreenshot', { context })).data, 'base64'));
await send('session.end', {}).catch(() => {});
ws.close();
if (failures.length) {
  console.error(`Firefox: ${failures.length} check(s) failed`);
  process.exitCode = 1;
} else {
  console.log(`Firefox: all checks passed (screenshot ${screenshot})`);
}
