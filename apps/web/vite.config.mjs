// The console's build: one hashed bundle in dist/web, served by the API at `/` (apps/api/src/web-console.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // Vite 8 compiles TSX with Oxc; the automatic runtime needs no `import React`.
  oxc: { jsx: { runtime: 'automatic' } },
  // The domain's plain TypeScript (validators, enumerations), as the API uses it; tsconfig.json and jest map it too.
  resolve: {
    alias: [
      {
        find: /^@unblock\/domain$/u,
        replacement: fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
      },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // No inline script or style: the API's Content-Security-Policy allows only same-origin scripts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // TanStack Query marks its modules "use client" for React Server Components; a browser bundle ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
