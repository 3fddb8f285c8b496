export * from './data-source-options';
export * from './database.module';
export * from './entities';
export * from './hydrate';
export * from './pagination';
export * from './references';
export * from './region-scope';
export * from './transaction';
