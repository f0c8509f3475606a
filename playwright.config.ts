import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts run their end-to-end tests at once on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);

// Debian's Chromium, headless, with the flags this network-less machine needs (TOOLCHAIN.md). The
// built site (npm run build → dist/) is served by `vite preview`, as a user's static host would.
//
// Timeouts only bound a hang: every test waits for the state the page promises, never for a time to
// pass, so a slow or busy machine makes a run longer, not red. A waiting assertion gives the page 60 s
// (a quiet 2-core machine needs well under one second), a test 10 minutes.
export default defineConfig({
  testDir: 'tests/web/e2e',
  outputDir: 'test-results',
  timeout: 600_000,
  expect: { timeout: 60_000 },
  // One test at a time: tried with two, beside a CPU-heavy job on 2 cores a 10 MB paste then froze the page
  // for 2.5 s (the limit is 2 s) and the suite was no faster (8.5 min against 8.1 min one by one, quiet).
  // E2E_WORKERS=2 runs two spec files at a time on a bigger machine.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}/`,
    viewport: { width: 1280, height: 800 },
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --config web/vite.config.ts --port ${port} --strictPort`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
