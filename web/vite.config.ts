import { defineConfig } from 'vite';

// Static files with relative paths: the build works from any sub-path of any static host.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist', emptyOutDir: true, target: 'es2022',
    // Preset texts stay files of their own (fetched when chosen), never inlined into the code.
    assetsInlineLimit: (file) => (file.endsWith('.txt') ? false : undefined),
    // What the start-up script (boot.ts) shares with the page — the language-tag module, the base
    // styles and Vite's loader for lazy chunks — in one chunk named for what it is.
    rolldownOptions: { output: { codeSplitting: { groups: [
      { name: 'startup', test: /vite\/preload-helper|[\\/]web[\\/]src[\\/](locale\.ts|style\.css)$/ },
    ] } } },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
