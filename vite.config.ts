import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle. `base: './'` keeps every URL relative, so the same build loads from
// app://app/ in Electron and from http://127.0.0.1:<port>/ in web mode.
export default defineConfig({
  plugins: [react()],
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // three.js alone is ~600 kB; the studio chunk is split off by the lazy import.
    chunkSizeWarningLimit: 1500,
    // The CSP forbids inline script; never inline the module-preload polyfill either.
    modulePreload: { polyfill: false },
  },
});
