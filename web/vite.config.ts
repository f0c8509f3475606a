import { defineConfig } from 'vite';

// Static files with relative paths: the build works from any sub-path of any static host.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist', emptyOutDir: true, target: 'es2022',
    // The bundled texts in a chunk of their own, so the size report can tell them from the code; the
    // language-tag module, which the start-up script (boot.ts) and the page share, under its own name.
    rolldownOptions: { output: { codeSplitting: { groups: [
      { name: 'presets', test: /[\\/]web[\\/]src[\\/]presets[\\/]/ },
      { name: 'locale', test: /[\\/]web[\\/]src[\\/]locale\.ts$/ },
    ] } } },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
