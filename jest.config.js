/** One jest run for every tier: unit specs beside the code, integration and end-to-end specs under test/. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts', 'tsx'],
  testRegex: '(libs|apps|test)/.*\\.spec\\.tsx?$',
  transform: {
    // The web console (apps/web): React with the automatic JSX runtime; its component specs ask for jsdom
    // with a `@jest-environment jsdom` docblock.
    '^.+/apps/web/.+\\.tsx?$': '<rootDir>/test/support/web-transform.js',
    '^.+\\.ts$': 'ts-jest',
    // content-disposition 3 (under @fastify/static 10) ships ES modules only; jest runs CommonJS.
    '^.+/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@unblock/domain(|/.*)$': '<rootDir>/libs/domain/src$1',
    '^@unblock/(config|database|queue|identity|reference-data|http|cases|sla|notifications|reports|imports)$':
      '<rootDir>/libs/$1/src',
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
};
