import { defineConfig } from 'vite';

// The page lives in src/app so the top level stays free of front-end files.
export default defineConfig({
  root: 'src/app',
  base: './',
  build: { outDir: '../../dist/app', emptyOutDir: true, sourcemap: true },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 5174}` },
  },
});
