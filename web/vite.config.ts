import { defineConfig } from 'vite';

// Static files with relative paths: the build works from any sub-path of any static host.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../dist', emptyOutDir: true, target: 'es2022',
    // Preset texts stay files of their own (fetched when chosen), never inlined into the code.
    assetsInlineLimit: (file) => (file.endsWith('.txt') ? false : undefined),
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
