#!/usr/bin/env node
/*
 * `npm run quickstart`: from a fresh clone (after `npm ci`) to a running Unblock with a demo city.
 * Writes a .env with local defaults when there is none, creates the database, builds, migrates, seeds the
 * demo, then runs the API and the worker until Ctrl-C.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Client } = require('pg');

const root = join(__dirname, '..');
const envFile = join(root, '.env');

function step(title) {
  process.stdout.write(`\n▶ ${title}\n`);
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`✖ ${command} ${args.join(' ')} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      process.stdout.write(`created database ${name}\n`);
    }
  } finally {
    await client.end();
  }
}

async function main() {
  if (!existsSync(envFile)) {
    step('writing .env with local defaults');
    writeFileSync(
      envFile,
      [
        'DATABASE_URL=postgres://postgres@127.0.0.1:5432/unblock',
        'REDIS_URL=redis://127.0.0.1:6379',
        `JWT_SECRET=${randomBytes(32).toString('base64url')}`,
        'QUEUE_PREFIX=unblock',
        'PORT=3000',
        '',
      ].join('\n'),
    );
  }
  require('dotenv').config({ path: envFile, quiet: true });

  step('creating the database if it is missing');
  await ensureDatabase(process.env.DATABASE_URL);
  step('building the api, the worker and the cli');
  run('npm', ['run', 'build', '--silent']);
  step('migrating');
  run('node', ['dist/apps/cli/main.js', 'migrate']);
  step('seeding the demo city');
  run('node', ['dist/apps/cli/main.js', 'seed-demo']);

  step('starting the api and the worker (Ctrl-C stops both)');
  const children = ['api', 'worker'].map((app) =>
    spawn('node', [`dist/apps/${app}/main.js`], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: process.env,
    }),
  );
  const port = process.env.PORT || '3000';
  setTimeout(() => {
    process.stdout.write(
      [
        '',
        'Unblock is running:',
        `  Console      http://localhost:${port}/`,
        `  API          http://localhost:${port}/api/v1`,
        `  OpenAPI      http://localhost:${port}/api/docs`,
        `  Health       http://localhost:${port}/api/v1/health`,
        'Demo logins (password unblock-demo-2026): admin@demo.unblock, officer@demo.unblock,',
        '  manager@demo.unblock, supervisor@demo.unblock',
        `Try: curl -s -XPOST localhost:${port}/api/v1/auth/login -H 'content-type: application/json' \\`,
        `       -d '{"email":"manager@demo.unblock","password":"unblock-demo-2026"}'`,
        '',
      ].join('\n'),
    );
  }, 3000);
  const stop = (signal) => children.forEach((child) => child.kill(signal));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  let running = children.length;
  for (const child of children) {
    child.on('exit', (code) => {
      running -= 1;
      if (code !== 0 && code !== null) stop('SIGTERM');
      if (running === 0) process.exit(code ?? 0);
    });
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
