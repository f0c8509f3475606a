import { defineConfig } from 'vite';

// Static files with relative paths: the build works from any sub-path of any static host.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist', emptyOutDir: true, target: 'es2022',
    // The bundled texts in a chunk of their own, so the size report can tell them from the code.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'presets', test: /[\\/]web[\\/]src[\\/]presets[\\/]/ }] } } },
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
