import 'reflect-metadata';
import { generateOpenApiDocument } from './generate-openapi';

/**
 * Prints the API's OpenAPI document (JSON) as the running API serves it at /api/docs-json, for tools and
 * tests that read it outside the API (the fuzz test of every operation, test/integration/fuzz.spec.ts).
 */
async function main(): Promise<void> {
  process.stdout.write(`${JSON.stringify(await generateOpenApiDocument())}\n`);
  process.exit(0);
}

void main();
