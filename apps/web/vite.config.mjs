// The console's build: one hashed bundle in dist/web, served by the API at `/` (apps/api/src/web-console.ts).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Brotli and gzip beside every text asset, written once at build time: the API serves them as they are
 * (@fastify/static's `preCompressed`), so no request compresses the console again.
 */
function precompress() {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'unblock-precompress',
    apply: 'build',
    async closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of await readdir(assets)) {
        if (!/\.(js|css|svg|json|webmanifest|html)$/u.test(name)) continue;
        const file = join(assets, name);
        const body = await readFile(file);
        await writeFile(
          `${file}.br`,
          await brotli(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
        );
        await writeFile(`${file}.gz`, await gz(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  // Vite 8 compiles TSX with Oxc; the automatic runtime needs no `import React`.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    VitePWA({
      // The worker is ours (offline/sw.ts: the shell, and per user the reads an officer needs
      // offline), built with workbox's modules; main.tsx registers it.
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      injectRegister: false,
      manifestFilename: 'manifest.webmanifest',
      injectManifest: {
        globPatterns: ['index.html', 'assets/*.{js,css}', 'icons/*.{png,svg}'],
        // The precompressed twins are the same files, as the API sends them.
        globIgnores: ['**/*.br', '**/*.gz'],
      },
      manifest: {
        id: '/',
        name: '融通 · 融资堵点诊断与畅通',
        short_name: '融通',
        description: '走访企业、诊断融资需求、推送银行直至放款。',
        lang: 'zh-CN',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0b5cad',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
    precompress(),
  ],
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
    outDir,
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
