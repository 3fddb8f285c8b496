import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runEntryPoint } from '../support/processes';

describe("the web console's typed client", () => {
  it('matches the OpenAPI document the API builds (run `npm run web:client` after changing the API)', async () => {
    // In a process of its own: openapi-typescript's dependencies are ES modules, which jest's CommonJS cannot load.
    const run = await runEntryPoint('apps/api/src/openapi/write-web-client.ts', {}, ['--stdout']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"/api/v1/visits"');
    expect(run.stdout).toBe(readFileSync(join(ROOT, 'apps/web/src/api/schema.d.ts'), 'utf8'));
  }, 120_000);
});
