export * from './csv';
export * from './decorators';
export * from './page-query.dto';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation';
export * from './validators';
export * from './stored-answer';
