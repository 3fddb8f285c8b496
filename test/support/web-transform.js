'use strict';
/**
 * jest transform for the web console (apps/web): TypeScript and JSX (automatic runtime) to CommonJS with
 * TypeScript's own transpileModule and fixed options, the same for every file. It type-checks nothing
 * (`npm run typecheck` does); imports of `@unblock/domain` resolve through jest's moduleNameMapper.
 */
const { createHash } = require('node:crypto');
const ts = require('typescript');

const OPTIONS = {
  jsx: ts.JsxEmit.ReactJSX,
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  inlineSourceMap: true,
  inlineSources: true,
};

module.exports = {
  process(source, filename) {
    return { code: ts.transpileModule(source, { fileName: filename, compilerOptions: OPTIONS }).outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256')
      .update(ts.version)
      .update('\0')
      .update(filename)
      .update('\0')
      .update(source)
      .digest('hex');
  },
};
