#!/usr/bin/env node
/*
 * `npm run quickstart`: from a fresh clone (after `npm ci`) to a running Unblock with a demo city.
 * Writes a .env with local defaults when there is none, creates the database, builds, migrates, seeds the
 * demo, then runs the API and the worker until Ctrl-C. It prints one line per step and a short banner once the
 * API answers; the build's output and the API's and the worker's JSON logs go to files in .quickstart/logs.
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { createWriteStream, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Client } = require('pg');

const root = join(__dirname, '..');
const envFile = join(root, '.env');
const logs = join(root, '.quickstart', 'logs');

function step(title) {
  process.stdout.write(`▶ ${title}\n`);
}

/** Runs a step with its output in `.quickstart/logs/<log>.log`; on failure, shows the log's end and stops. */
function run(command, args, log) {
  const file = join(logs, `${log}.log`);
  const fd = openSync(file, 'w');
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', fd, fd], env: process.env });
  if (result.status !== 0) {
    const tail = readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
    process.stderr.write(`${tail}\n✖ ${command} ${args.join(' ')} failed (exit ${result.status}); see ${file}\n`);
    process.exit(result.status ?? 1);
  }
  return readFileSync(file, 'utf8');
}

/** Waits until `url` answers 200, for at most `ms`. */
async function answers(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

const DEMO_LOGINS = [
  ['admin@demo.unblock', '系统管理员 admin'],
  ['officer@demo.unblock', '走访人员 field officer'],
  ['manager@demo.unblock', '银行客户经理 bank manager'],
  ['supervisor@demo.unblock', '监管人员 supervisor'],
];

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

  mkdirSync(logs, { recursive: true });
  step('creating the database if it is missing');
  await ensureDatabase(process.env.DATABASE_URL);
  step('building the api, the worker, the cli and the console');
  run('npm', ['run', 'build', '--silent'], 'build');
  step('migrating');
  run('node', ['dist/apps/cli/main.js', 'migrate'], 'migrate');
  step('seeding the demo city (聊城)');
  const seeded = run('node', ['dist/apps/cli/main.js', 'seed-demo'], 'seed');
  process.stdout.write(`  ${seeded.split('\n')[0]}\n`);

  step('starting the api and the worker');
  const children = ['api', 'worker'].map((app) => {
    const log = createWriteStream(join(logs, `${app}.log`), { flags: 'a' });
    const child = spawn('node', [`dist/apps/${app}/main.js`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    return child;
  });
  const port = process.env.PORT || '3000';
  const base = `http://localhost:${port}`;
  if (!(await answers(`${base}/api/v1/health`, 60_000)) || !(await answers(`${base}/api/docs`, 5_000))) {
    process.stderr.write(`✖ the API does not answer at ${base}; see ${join(logs, 'api.log')}\n`);
  } else {
    const width = Math.max(...DEMO_LOGINS.map(([email]) => email.length));
    process.stdout.write(
      [
        '',
        `Unblock is running (Ctrl-C stops it)`,
        `  控制台 Console   ${base}/`,
        `  接口文档 API docs ${base}/api/docs`,
        '  演示账号 Demo logins, password unblock-demo-2026:',
        ...DEMO_LOGINS.map(([email, role]) => `    ${email.padEnd(width)}  ${role}`),
        `  日志 Logs        ${join('.quickstart', 'logs')}/api.log, worker.log`,
        '',
      ].join('\n'),
    );
  }
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
