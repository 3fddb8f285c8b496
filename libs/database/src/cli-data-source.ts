import { databaseUrlFromProcess } from '@unblock/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The data source of `npm run migration:*` (the TypeORM CLI). */
export const dataSource = new DataSource({
  ...dataSourceOptions(databaseUrlFromProcess(), 2, 'unblock-migrations'),
  migrations: [`${__dirname}/migrations/*-*.ts`],
});
