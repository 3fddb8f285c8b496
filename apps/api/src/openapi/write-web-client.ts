import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { WEB_SCHEMA_PATH, generateOpenApiDocument, webClientTypes } from './generate-openapi';

/**
 * `npm run web:client`: regenerates apps/web/src/api/schema.d.ts from the API's OpenAPI document.
 * With `--stdout` it prints the types instead (the drift test compares them with the committed file).
 */
async function main(): Promise<void> {
  const types = await webClientTypes(await generateOpenApiDocument());
  if (process.argv.includes('--stdout')) {
    process.stdout.write(types);
  } else {
    writeFileSync(WEB_SCHEMA_PATH, types);
    process.stdout.write(`wrote ${WEB_SCHEMA_PATH}\n`);
  }
  process.exit(0);
}

void main();
