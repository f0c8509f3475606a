// The built playground in WebKit, Safari's engine (Debian's WebKitGTK MiniBrowser over plain W3C
// WebDriver; scripts/test-webkit.sh starts the drivers and the site). What a person does: load, train
// (steps advance, the loss falls below what letter frequencies give), watch the live panels (loss curve,
// samples, probe bars, gate heatmaps), save a model file and open it again, drive the page from a
// course page on another origin through the embed API; and the same page when the browser reports the
// C locale's language tag "C", which Intl rejects. Every wait is for a state, bounded only against hangs.
//   SITE_URL=… WEBDRIVER_URL=… C_LOCALE_WEBDRIVER_URL=… SHOTS=dir node tests/web/webkit/smoke.mjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSession, waitFor } from './webdriver.mjs';

const { SITE_URL: site, WEBDRIVER_URL: driver, C_LOCALE_WEBDRIVER_URL: cDriver, SHOTS: shots = 'artifacts/screenshots' } = process.env;
const HOST_DIR = join(import.meta.dirname, '..', 'e2e', 'host');   // the course page the Chromium tests use

const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok ' : 'BAD'} ${what}`);
  if (!ok) failures.push(what);
}
// One part's error is reported and the next part still runs.
async function part(name, body) {
  console.log(`-- ${name}`);
  try {
    await body();
  } catch (e) {
    check(false, `${name}: ${e.message}`);
  }
}

// ---- what the page shows, read in the page ----
const stepOf = `return Number(document.querySelector('#stat-step')?.textContent.replace(/,/g, '') ?? NaN)`;
const trainBitsOf = `return Number(document.querySelector('#stat-train')?.textContent ?? NaN)`;
const isReady = `return !!document.querySelector('#train') && !document.querySelector('#train').disabled
  && /ready/.test(document.querySelector('#run-status')?.textContent ?? '')`;
// Pixels of the smoothed training curve's colour (#4f46e5) on the loss chart.
const curvePixels = `const c = document.querySelector('#loss-chart canvas'); if (!c) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
  for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 79) < 12 && Math.abs(d[i + 1] - 70) < 12 && Math.abs(d[i + 2] - 229) < 12) n++;
  return n`;
// Distinct colours on a gate heatmap: a blank or one-colour canvas has one or two.
const heatColours = (gate) => `const c = document.querySelector('canvas[data-gate="${gate}"]'); if (!c || c.width === 0) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();
  for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
  return seen.size`;
// The page's Download model ends in a click on an <a download> with a blob: URL; MiniBrowser would ask
// where to save it. The bytes the person would get are kept instead (window.__downloads).
const keepDownloads = `window.__downloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (!this.download || !this.href.startsWith('blob:')) return click.call(this);
    const name = this.download;
    fetch(this.href).then((r) => r.arrayBuffer()).then((buffer) => {
      const bytes = new Uint8Array(buffer); let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      window.__downloads.push({ name, base64: btoa(text) });
    });
  };`;

// After two animation frames the screen shows what the page last drew (WebKit's screenshots show
// the last painted frame).
async function screenshot(browser, name) {
  await browser.runAsync(`const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)))`);
  writeFileSync(join(shots, name), await browser.screenshot());
  console.log(`    screenshot ${join(shots, name)}`);
}

// Reads a model file as an independent reader would: u64 header length, JSON header, metadata.
function readModelFile(bytes) {
  const n = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + n).toString('utf8'));
  const { __metadata__: meta, ...tensors } = header;
  const end = Math.max(...Object.values(tensors).map((t) => t.data_offsets[1]));
  return { meta, tensors, wholeFile: 8 + n + end === bytes.length };
}

// ---- the checks ----
async function playground(browser) {
  await browser.windowSize(1280, 900);
  await browser.goto(site);
  await waitFor('the model to be built (Train enabled, "ready")', () => browser.run(isReady));
  const [ua, language, engine] = await browser.run(`return [navigator.userAgent, navigator.language, document.querySelector('#engine').textContent]`);
  console.log(`    WebKitGTK ${browser.version}; ${ua}; navigator.language ${language}`);
  check(/SIMD/.test(engine), `the engine runs WebAssembly SIMD in the worker: "${engine}"`);

  // What knowing only letter frequencies gives (the text's unigram entropy), as the loss panel says:
  // a loss below it means the model uses context.
  const unigram = Number((await browser.run(`return document.querySelector('#chart-headline')?.textContent ?? ''`)).match(/letter frequencies[,:]? (\d+(?:\.\d+)?)/)?.[1]);
  check(unigram > 1 && unigram < 8, `the loss panel gives the letter-frequency entropy: ${unigram} bits/char`);
  await browser.click('#train');
  const first = await waitFor('a first training loss', async () => {
    const bits = await browser.run(trainBitsOf);
    return Number.isFinite(bits) && bits > 0 ? bits : null;
  });
  await waitFor(`the training loss below ${unigram} bits/char`, async () => (await browser.run(trainBitsOf)) < unigram, 300);
  await browser.click('#train');  // pause
  await waitFor('the pause', () => browser.run(`return document.querySelector('#train').textContent.trim() === 'Train'`));
  const step = await browser.run(stepOf);
  const bits = await browser.run(trainBitsOf);
  check(step > 20 && bits < first && bits < unigram,
    `trained: step ${step}, training loss ${first} → ${bits} bits/char (letter frequencies: ${unigram})`);
  check(await waitFor('the loss curve', async () => (await browser.run(curvePixels)) > 50, 30), 'the loss chart draws the curve');

  await browser.click('#sample-now');
  const sample = await waitFor('a sample', async () => {
    const text = await browser.run(`return document.querySelector('.sample-text')?.textContent ?? ''`);
    return text.length > 50 ? text : null;
  }, 60);
  check(true, `sample: ${JSON.stringify(sample.slice(0, 60))}…`);
  await screenshot(browser, 'webkit-1280.png');

  await browser.run(`const p = document.querySelector('#probe'); p.scrollIntoView({ block: 'center' });
    p.value = 'The lamp'; p.dispatchEvent(new Event('input', { bubbles: true }))`);
  const caption = await waitFor('the probe to answer "The lamp"', () => browser.run(`const c = document.querySelector('#probe-caption')?.textContent ?? '';
    return c.includes('‘p’') && document.querySelectorAll('#probe-bars .probe-bar').length > 0 ? c : null`), 60);
  const bars = await browser.run(`return [...document.querySelectorAll('#probe-bars .probe-row')].slice(0, 3).map((r) => r.textContent)`);
  check(bars.length > 0, `the probe answers "The lamp": ${caption} ${bars.join(', ')}…`);
  await screenshot(browser, 'webkit-probe.png');

  await browser.run(`document.querySelector('#heatmap-panel').scrollIntoView({ block: 'start' })`);
  for (const gate of ['i', 'h']) {
    const colours = await waitFor(`the ${gate} heatmap painted`, async () => {
      const n = await browser.run(heatColours(gate));
      return n > 20 ? n : null;
    }, 60);
    check(true, `the ${gate} gate heatmap is painted (${colours} colours)`);
  }
  await screenshot(browser, 'webkit-heatmaps.png');
  await browser.run(`window.scrollTo(0, 0)`);
}

async function modelFile(browser) {
  await browser.run(keepDownloads);
  await browser.click('#download-model');
  const { name, base64 } = await waitFor('the downloaded model file', () => browser.run(`return window.__downloads[0] ?? null`), 60);
  // The worker answers in order, so any step in flight at the pause has landed before the file came.
  const step = await browser.run(stepOf);
  const bytes = Buffer.from(base64, 'base64');
  const file = readModelFile(bytes);
  check(file.wholeFile && file.meta.format === 'charrnn' && file.meta.cell === 'lstm' && file.meta.train_step === String(step)
    && file.tensors['rnn.weight_ih_l0']?.shape[0] === 4 * Number(file.meta.hidden_size),
  `Download model saves ${name} (${bytes.length} bytes): a ${file.meta.cell} at step ${file.meta.train_step}, whole`);

  await browser.click('#reset');
  await waitFor('a fresh model after Reset', async () => (await browser.run(stepOf)) === 0 && browser.run(isReady));
  const dir = mkdtempSync(join(tmpdir(), 'charrnn-webkit-'));
  try {
    writeFileSync(join(dir, name), bytes);
    await browser.type('input[type=file]', join(dir, name));  // what picking it in Open model… does
    const notice = await waitFor('the "loaded" notice', () => browser.run(`return document.querySelector('[data-notice="loaded"]')?.textContent ?? null`), 60);
    const reopened = await browser.run(stepOf);
    check(reopened === step && notice.includes(`at step ${step.toLocaleString('en-US')}`),
      `Open model… with the same file continues at step ${reopened}: "${notice.slice(0, 100)}…"`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function embedApi(browser) {
  const host = await serveCoursePage();
  try {
    const hostOrigin = `http://127.0.0.1:${host.address().port}`;
    const src = `${site}#embed=1&panels=loss,samples&hidden=64&origin=${hostOrigin}`;
    await browser.goto(`${hostOrigin}/host.html?src=${encodeURIComponent(src)}`);
    const events = () => browser.run(`return window.__events`);
    const ready = await waitFor('"ready" from the playground', async () => (await events()).find((e) => e.type === 'ready'));
    check(ready.cell === 'lstm' && ready.hiddenSize === 64 && ready.step === 0, `the course page on ${hostOrigin} hears "ready": ${JSON.stringify(ready)}`);
    await browser.run(`window.send({ api: 'charrnn-playground', v: 1, type: 'start' })`);
    const progress = await waitFor('three progress events', async () => {
      const p = (await events()).filter((e) => e.type === 'progress');
      return p.length >= 3 ? p : null;
    });
    const steps = progress.map((e) => e.step);
    check(steps.every((s, i) => i === 0 || s > steps[i - 1]) && progress.every((e) => Number.isFinite(e.bitsPerChar)),
      `"start" trains, and progress arrives: steps ${steps.slice(0, 5).join(', ')}…, ${progress.at(-1).bitsPerChar.toFixed(3)} bits/char`);
    await browser.run(`window.send({ api: 'charrnn-playground', v: 1, type: 'pause' })`);
    const paused = await waitFor('"paused"', async () => (await events()).find((e) => e.type === 'paused'));
    await browser.run(`window.send({ api: 'charrnn-playground', v: 1, type: 'getState', id: 'q1' })`);
    const state = await waitFor('the reply to getState', async () => (await events()).find((e) => e.type === 'state'));
    check(state.id === 'q1' && state.step >= paused.step && state.phase !== 'training',
      `"pause" stops at step ${paused.step}; getState answers phase "${state.phase}", step ${state.step}`);
    await screenshot(browser, 'webkit-embed.png');
  } finally {
    await new Promise((resolve) => host.close(resolve));
  }
}

async function cLocale(browser) {
  await browser.windowSize(1280, 900);
  await browser.goto(site);
  const reported = await browser.run(`return Object.getOwnPropertyDescriptor(Navigator.prototype, 'language').get.call(navigator)`);
  check(reported === 'C', `under LANG=C.UTF-8 the browser reports navigator.language ${JSON.stringify(reported)}`);
  await waitFor('the model to be built (Train enabled, "ready")', () => browser.run(isReady));
  check(await browser.run(`return !document.querySelector('#startup-failure')`), `the page starts (libraries now read navigator.language "${await browser.run('return navigator.language')}")`);
  await browser.click('#train');
  await waitFor('30 steps', async () => (await browser.run(stepOf)) >= 30);
  await browser.click('#train');
  check(await waitFor('the loss curve', async () => (await browser.run(curvePixels)) > 50, 30), `it trains (step ${await browser.run(stepOf)}) and the loss chart draws`);
  await screenshot(browser, 'webkit-c-locale.png');
}

function serveCoursePage() {
  const types = { html: 'text/html', js: 'text/javascript', css: 'text/css' };
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    if (!['host.html', 'host.js', 'host.css'].includes(name)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[name.split('.').pop()] }).end(readFileSync(join(HOST_DIR, name)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// ---- run ----
const browser = await startSession(driver);
try {
  await part('load, train, live panels', () => playground(browser));
  await part('a model file saves and opens', () => modelFile(browser));
  await part('the embed API', () => embedApi(browser));
} finally {
  await browser.end();
}
const cBrowser = await startSession(cDriver);
try {
  await part('the C locale', () => cLocale(cBrowser));
} finally {
  await cBrowser.end();
}

if (failures.length > 0) {
  console.error(`WebKit: ${failures.length} check(s) failed`);
  process.exitCode = 1;
} else {
  console.log(`WebKit: all checks passed (screenshots in ${shots}/webkit-*.png)`);
}
