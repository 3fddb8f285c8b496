export * from './balance-figures';
export * from './loan-balance.queries';
export * from './loan-balance.response';
export * from './report-loan-balance.use-case';
