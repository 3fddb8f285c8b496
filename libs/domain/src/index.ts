export * from './actor';
export * from './case';
export * from './domain-error';
export * from './money';
export * from './reference';
export * from './region';
export * from './roles';
export * from './uscc';
