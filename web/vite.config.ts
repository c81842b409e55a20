import { defineConfig } from 'vite';

/**
 * Pages build: the dashboard placeholder (`index.html`) and the widget demo host page
 * (`demo.html`). Their scripts and styles land as content-hashed files under `assets/`.
 * The widget loader has its own build (`vite.widget.config.ts`) because it must keep a
 * stable, unhashed file name.
 */
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'target/classes/public',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { index: 'index.html', demo: 'demo.html' },
    },
  },
  server: {
    // `npm run dev` serves the pages and proxies everything else to a locally running server.
    proxy: {
      '/api': 'http://localhost:8080',
      '/readyz': 'http://localhost:8080',
      '/docs': 'http://localhost:8080',
      '/widget.js': 'http://localhost:8080',
    },
  },
});
