#!/usr/bin/env node
// The page's structure, checked (README "Architecture"): floors only point down, files stay small
// enough to read in one sitting, functions short enough to hold in one's head, glue thin.
//   ui/     may use state/, util/, i18n/ and the shared helpers — never app/, bridge/, worker/ or wasm types
//   state/  uses nothing of app/, ui/, bridge/ or worker/
//   every source file of web/src ≤ 350 lines, every function ≤ 80, main.ts ≤ 120, wasm/bindings.cpp ≤ 220
// Exits 1 with one line per problem.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = join(import.meta.dirname, '..');
const src = join(root, 'web', 'src');
const problems = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const FORBIDDEN = {
  ui: [/^app\//, /^bridge\//, /^worker\//, /generated\/core/],
  state: [/^app\//, /^ui\//, /^bridge\//, /^worker\//],
};

for (const path of files(src).filter((p) => p.endsWith('.ts'))) {
  const rel = relative(src, path).split(sep).join('/');
  const text = readFileSync(path, 'utf-8');
  const lines = text.split('\n');
  const limit = rel === 'main.ts' ? 120 : 350;
  if (lines.length > limit) problems.push(`${rel}: ${lines.length} lines (at most ${limit})`);
  const floor = rel.split('/')[0];
  for (const m of text.matchAll(/from '([^']+)'|import\('([^']+)'\)/g)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith('.')) continue;
    const target = relative(src, join(path, '..', spec)).split(sep).join('/');
    if ((FORBIDDEN[floor] ?? []).some((re) => re.test(target))) problems.push(`${rel}: imports ${target} (${floor}/ must not)`);
  }
  for (const f of longFunctions(lines)) problems.push(`${rel}:${f.line}: function of ${f.length} lines (at most 80)`);
}

const bindings = readFileSync(join(root, 'wasm', 'bindings.cpp'), 'utf-8').split('\n').length;
if (bindings > 220) problems.push(`wasm/bindings.cpp: ${bindings} lines (at most 220)`);

// A function starts on a line that declares one (function, method, arrow with a block) and ends at
// its matching closing brace; braces inside strings and comments are rare enough here to ignore.
function longFunctions(lines) {
  const start = /^\s*(export\s+)?(async\s+)?function\b|^\s*((private|public|protected|static|async|readonly|get|set)\s+)*[A-Za-z_$][\w$]*\s*(<[^>]*>)?\([^)]*\)\s*(:\s*[^={]+)?\{\s*$|=>\s*\{\s*$/;
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (!start.test(lines[i]) || /^\s*(if|for|while|switch|catch|else)\b/.test(lines[i])) continue;
    let depth = 0;
    let seen = false;
    for (let j = i; j < lines.length; j++) {
      for (const c of lines[j].replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|\/\/.*$/g, '')) {
        if (c === '{') (depth++, (seen = true));
        else if (c === '}') depth--;
      }
      if (seen && depth <= 0) {
        if (j - i + 1 > 80) out.push({ line: i + 1, length: j - i + 1 });
        break;
      }
    }
  }
  return out;
}

if (problems.length > 0) {
  console.error(`structure: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('structure: floors point down; files, functions, main.ts and the wasm glue within their sizes');
