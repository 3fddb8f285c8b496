export * from './campaign-figures';
export * from './presence-sets';
export * from './report-filter';
export * from './report-rollups.service';
export * from './reports.module';
export * from './reports.service';
export * from './rollup-figures';
export * from './enterprise-feedback';
