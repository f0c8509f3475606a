#!/usr/bin/env node
// What a visitor downloads: every file of the build (dist/, after `vite build`) raw, gzip and brotli
// compressed (node's zlib at the levels static hosts use for prebuilt files), the bundled preset
// texts apart, and a budget: the initial download — JS (page and worker) + wasm + CSS + HTML,
// gzip-compressed, without the presets — must stay within BUDGET_KB, or this exits 1. A second
// budget: the start-up script that index.html loads first (web/src/boot.ts and what it imports
// statically) stays within BOOT_BUDGET_KB, since it must load and run where the rest may not.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// 300 KB until the page became bilingual and gained the tasks and four views; 350 KB until the memory
// tasks, the runs table, the own-texts form and the core's coded refusals (README "Build size").
const BUDGET_KB = 375;
const BOOT_BUDGET_KB = 4;
const dist = process.argv[2] ?? join(import.meta.dirname, '..', 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function kind(name) {
  // The preset texts and labelled lines (fetched when a learner picks one) and the bracket corpus' generator.
  if (/^assets\/[^/]*\.(txt|tsv)$/.test(name) || /^assets\/brackets-[^/]*\.js$/.test(name)) return 'presets';
  // Loaded only when asked for: the replica workers of data-parallel training (workers ≥ 2).
  if (/^assets\/replica-[^/]*\.js$/.test(name)) return 'later';
  if (name.endsWith('.wasm')) return 'wasm';
  if (name.endsWith('.js') || name.endsWith('.mjs')) return 'js';
  if (name.endsWith('.css')) return 'css';
  if (name.endsWith('.html')) return 'html';
  return 'other';
}

const rows = files(dist).sort().map((path) => {
  const bytes = readFileSync(path);
  return {
    name: relative(dist, path),
    kind: kind(relative(dist, path)),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }).length,
  };
});
if (rows.length === 0) {
  console.error(`size report: nothing in ${dist}; run vite build first`);
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
const line = (name, r) => console.log(`${name.padEnd(36)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const sum = (list) => list.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });

console.log(`${'file'.padEnd(36)}${'raw'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`);
for (const r of rows) line(r.name, r);
console.log('-'.repeat(66));
for (const k of ['js', 'wasm', 'css', 'html', 'presets', 'later']) {
  const list = rows.filter((r) => r.kind === k);
  if (list.length > 0) line(`${k} (${list.length} file${list.length > 1 ? 's' : ''})`, sum(list));
}
const initial = sum(rows.filter((r) => ['js', 'wasm', 'css', 'html'].includes(r.kind)));
line('initial download, without presets', initial);
line('with presets', sum(rows.filter((r) => r.kind !== 'other')));

const budget = BUDGET_KB * 1024;
if (initial.gzip > budget) {
  console.error(`size report: the initial download is ${kb(initial.gzip).trim()} gzip, over the budget of ${BUDGET_KB} KB`);
  process.exit(1);
}
console.log(`initial download ${kb(initial.gzip).trim()} gzip (${kb(initial.brotli).trim()} brotli): within the ${BUDGET_KB} KB budget`);

// The start-up script: index.html's module script and the modules it preloads.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const bootFiles = [...html.matchAll(/<(?:script type="module"[^>]*\ssrc|link rel="modulepreload"[^>]*\shref)="\.\/([^"]+)"/g)].map((m) => m[1]);
const boot = sum(rows.filter((r) => bootFiles.includes(r.name)));
if (bootFiles.length === 0 || boot.raw === 0) {
  console.error('size report: index.html loads no module script that this report can find');
  process.exit(1);
}
if (boot.gzip > BOOT_BUDGET_KB * 1024) {
  console.error(`size report: the start-up script (${bootFiles.join(', ')}) is ${kb(boot.gzip).trim()} gzip, over its budget of ${BOOT_BUDGET_KB} KB`);
  process.exit(1);
}
console.log(`start-up script ${kb(boot.gzip).trim()} gzip (${bootFiles.join(', ')}): within its ${BOOT_BUDGET_KB} KB budget`);
