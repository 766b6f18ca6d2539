// builds the dashboard into web/dist: `vite build web` (or `npm run build:web`).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // the map library alone is over the default warning size; it loads only on the map view
    chunkSizeWarningLimit: 1200,
    // no inline data: URLs for scripts, so the page runs under script-src 'self'
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
