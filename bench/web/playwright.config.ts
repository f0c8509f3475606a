// The page's own measurements (`npm run bench`, or `npm run bench -- --web` for these alone): Debian's
// Chromium on the built site, exactly as the end-to-end tests run it (../../playwright.config.ts), but
// these files measure this machine (speed against node, frame gaps, long tasks), so they are
// benchmarks, not tests: a busy machine may miss their marks while the page is right.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import tests from '../../playwright.config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  ...tests,
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: `${root}/test-results/bench`,
  timeout: 600_000,
  webServer: { ...(tests.webServer as object), cwd: root } as typeof tests.webServer,
});
