export * from './complete-repair.use-case';
export * from './open-repair.use-case';
export * from './repair.queries';
export * from './repair.response';
