export * from './figures';
export * from './presence-sets';
export * from './report-filter';
export * from './reports.module';
export * from './reports.service';
export * from './rollup-figures';
export * from './rollup-refresh';
