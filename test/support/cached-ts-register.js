'use strict';
/**
 * Loads the project's TypeScript in the processes the tests start (API, worker, CLI), as
 * `ts-node/register/transpile-only` did: TypeScript's own `transpileModule` with the project's tsconfig, so the
 * decorators, their metadata and the CommonJS exports are exactly what `tsc` emits. Unlike ts-node it keeps
 * what it transpiled in a cache on disk, keyed by the source, the tsconfig and TypeScript's version: a suite
 * starts some hundred processes of the same few hundred files, and transpiling them anew each time cost most of
 * each start (about 6 s of CPU of 7).
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '../..');
const TSCONFIG = join(ROOT, 'tsconfig.json');
const CACHE = process.env['UNBLOCK_TS_CACHE'] || join(ROOT, 'node_modules', '.cache', 'unblock-ts');
const SALT = [
  readFileSync(TSCONFIG, 'utf8'),
  JSON.parse(readFileSync(require.resolve('typescript/package.json'), 'utf8')).version,
  readFileSync(__filename, 'utf8'),
].join('\0');

/** TypeScript and the compiler options, loaded on the first file not in the cache. */
let compiler;
function load() {
  if (compiler) return compiler;
  const ts = require('typescript');
  const config = ts.readConfigFile(TSCONFIG, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options = {
    ...parsed.options,
    module: ts.ModuleKind.CommonJS,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    declaration: false,
  };
  compiler = { ts, options };
  return compiler;
}

function transpiled(filename) {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256').update(SALT).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = join(CACHE, key.slice(0, 2), `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const { ts, options } = load();
    const { outputText } = ts.transpileModule(source, { fileName: filename, compilerOptions: options });
    mkdirSync(join(CACHE, key.slice(0, 2)), { recursive: true });
    // Another process may write the same file at the same time: each writes its own and renames it in place.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, outputText);
    renameSync(partial, cached);
    return outputText;
  }
}

process.setSourceMapsEnabled(true);
require.extensions['.ts'] = (module, filename) => {
  module._compile(transpiled(filename), filename);
};
