#!/usr/bin/env node
/* `npm run migration:generate -- <Name>`: writes libs/database/src/migrations/<timestamp>-<Name>.ts */
'use strict';
const { spawnSync } = require('node:child_process');

const name = process.argv[2];
if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
  process.stderr.write('usage: npm run migration:generate -- <PascalCaseName>\n');
  process.exit(2);
}
const result = spawnSync(
  'npx',
  [
    'ts-node',
    '-r',
    'tsconfig-paths/register',
    '--transpile-only',
    './node_modules/typeorm/cli.js',
    'migration:generate',
    '--pretty',
    '-d',
    'libs/database/src/cli-data-source.ts',
    `libs/database/src/migrations/${name}`,
  ],
  { stdio: 'inherit' },
);
if (result.status === 0) {
  process.stdout.write('Now add the new class to MIGRATIONS in libs/database/src/migrations/index.ts\n');
}
process.exit(result.status ?? 1);
