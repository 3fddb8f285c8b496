import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths that belong to the API, never to the console: an unknown one is the API's problem-details 404. */
const SERVER_PATHS = /^\/(api|admin)(\/|$)/u;

/**
 * Where `vite build` put the console: `dist/web` of the repository, three levels up from both the built
 * API (`dist/apps/api/main.js`) and its sources (`apps/api/src`, run by ts-node in the tests).
 */
export function webConsoleRoot(): string | undefined {
  const root = resolve(__dirname, '../../../dist/web');
  return existsSync(join(root, 'index.html')) ? root : undefined;
}

const MISSING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unblock</title></head>
<body><h1>Unblock</h1><p>The web console is not built. Run <code>npm run build</code> (or <code>npm run web:build</code>)
and restart the API. The API is at <a href="/api/docs">/api/docs</a>.</p></body></html>`;

/** The files of the build's root that are not pages: the service worker, the web manifest and the icons. */
const ROOT_FILES: Readonly<Record<string, { type: string; cacheControl: string }>> = {
  // Never kept long: a browser checks its service worker against this one on every visit.
  '/sw.js': { type: 'text/javascript; charset=utf-8', cacheControl: 'no-cache' },
  '/manifest.webmanifest': { type: 'application/manifest+json; charset=utf-8', cacheControl: 'no-cache' },
};
const ICON_TYPES: Readonly<Record<string, string>> = { png: 'image/png', svg: 'image/svg+xml' };

interface RootFile {
  body: Buffer;
  type: string;
  cacheControl: string;
}

/** The service worker, the manifest and the icons, read once: path → body, type and cache policy. */
function rootFiles(root: string | undefined): Map<string, RootFile> {
  const files = new Map<string, RootFile>();
  if (root === undefined) return files;
  for (const [path, meta] of Object.entries(ROOT_FILES)) {
    const file = join(root, path);
    if (existsSync(file)) files.set(path, { body: readFileSync(file), ...meta });
  }
  const icons = join(root, 'icons');
  for (const name of existsSync(icons) ? readdirSync(icons) : []) {
    const type = ICON_TYPES[name.split('.').pop() ?? ''];
    if (type !== undefined) {
      files.set(`/icons/${name}`, {
        body: readFileSync(join(icons, name)),
        type,
        cacheControl: 'public, max-age=86400',
      });
    }
  }
  return files;
}

/**
 * The web console at `/`, one origin with the API. Hashed assets are cached for a year (immutable) and sent
 * brotli- or gzip-compressed as the build wrote them; every
 * other path that is not the API's answers `index.html` (no-cache), and the console's router takes over.
 * The service worker (`/sw.js`) and the web manifest are answered no-cache with their own types, the icons
 * for a day.
 * Without a build the API still runs and `/` says how to build the console.
 */
export async function serveWebConsole(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const root = webConsoleRoot();
  const index = root === undefined ? MISSING : readFileSync(join(root, 'index.html'), 'utf8');
  const files = rootFiles(root);
  if (root !== undefined) {
    await app.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      // Bull Board registers this plugin too; the console needs no reply.sendFile.
      decorateReply: false,
      index: false,
      immutable: true,
      // The build writes `.br` and `.gz` beside each asset (apps/web/vite.config.mjs).
      preCompressed: true,
      maxAge: '365d',
      cacheControl: true,
    });
  }
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (SERVER_PATHS.test(path) || path.startsWith('/assets/')) {
      reply.callNotFound();
      return reply;
    }
    const file = files.get(path);
    if (file !== undefined) {
      return reply.header('content-type', file.type).header('cache-control', file.cacheControl).send(file.body);
    }
    return reply
      .status(root === undefined && path !== '/' ? 404 : 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(index);
  });
}
