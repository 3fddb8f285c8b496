import 'tsconfig-paths/register';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { SERVER_URL, databaseUrl, templateDatabase } from './environment';

/**
 * Once per run: a template database with every migration applied. Each test file then copies it into a
 * database of its own (CREATE DATABASE … TEMPLATE), so files run in parallel without sharing a row.
 */
export default async function globalSetup(): Promise<void> {
  process.env['UNBLOCK_TEST_RUN'] = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const template = templateDatabase();
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
  } finally {
    await admin.end();
  }
  const dataSource = new DataSource({
    ...dataSourceOptions(databaseUrl(template), 2, 'unblock-test-setup'),
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}
