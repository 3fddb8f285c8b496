// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Which libraries each library may import: the direction of dependencies, drawn in the README's layout.
 * A library imports only those listed here; lint fails on any other.
 */
const LIBRARY_LAYERS = {
  domain: [],
  config: ['domain'],
  database: ['domain', 'config'],
  http: ['domain', 'config', 'database'],
  queue: ['domain', 'config', 'database'],
  identity: ['domain', 'config', 'database'],
  'reference-data': ['domain', 'config', 'database'],
  reports: ['domain', 'config', 'database'],
  cases: ['domain', 'config', 'database', 'queue'],
  notifications: ['domain', 'config', 'database', 'queue'],
  imports: ['domain', 'config', 'database', 'queue', 'cases'],
  sla: ['domain', 'config', 'database', 'queue', 'cases', 'notifications'],
};

const FRAMEWORKS = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'bullmq',
  'ioredis',
  'pg',
  'fastify',
  'class-validator',
  'class-transformer',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'artifacts/',
      '**/*.js',
      '**/*.mjs',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/explicit-function-return-type': [
        'error',
        { allowExpressions: true, allowTypedFunctionExpressions: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
        {
          selector: 'CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name=/^(only|skip)$/]',
          message: 'No focused or skipped tests.',
        },
      ],
    },
  },
  {
    // Nothing outside the config library reads the environment.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/config/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through AppConfig.' },
      ],
    },
  },
  ...Object.entries(LIBRARY_LAYERS).map(([lib, allowed]) => {
    const forbidden = Object.keys(LIBRARY_LAYERS).filter((other) => other !== lib && !allowed.includes(other));
    return {
      // Imports point inward: no library imports an app, and each imports only the libraries below it.
      files: [`libs/${lib}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['**/apps/**', '@unblock/api*', '@unblock/worker*', '@unblock/cli*'],
                message: 'A library never imports an app.',
              },
              ...(forbidden.length === 0
                ? []
                : [
                    {
                      group: forbidden.map((other) => `@unblock/${other}`),
                      message: `libs/${lib} imports only ${allowed.length === 0 ? 'nothing of the project' : allowed.join(', ')} (see the README's layout).`,
                    },
                  ]),
              ...(lib === 'domain'
                ? [
                    {
                      group: FRAMEWORKS,
                      message: 'libs/domain is plain TypeScript: no Nest, TypeORM, BullMQ or drivers.',
                    },
                    { group: ['../../*'], message: 'libs/domain imports nothing of the project.' },
                  ]
                : [
                    {
                      group: ['../../*/src', '../../*/src/*'],
                      message: 'Import another library by its @unblock name.',
                    },
                  ]),
            ],
          },
        ],
      },
    };
  }),
  {
    // The console imports the domain's rules, and nothing else of the server.
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: Object.keys(LIBRARY_LAYERS)
                .filter((lib) => lib !== 'domain')
                .map((lib) => `@unblock/${lib}`),
              message: 'The console speaks the HTTP API; of the server it imports only @unblock/domain.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // The web console runs in browsers: no Node globals, and its specs are component tests.
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', navigator: 'readonly' } },
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['apps/web/**/*.spec.{ts,tsx}'],
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' },
  },
  {
    // Global setup and teardown are loaded by jest as default exports.
    files: ['test/support/global-*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  prettier,
);
