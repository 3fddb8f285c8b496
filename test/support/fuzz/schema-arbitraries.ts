import fc from 'fast-check';
import { resolve, type OpenApiDocument, type Schema } from './openapi-operations';

/** Real values the generated requests use, so that a request gets past "not found" to the checks behind it. */
export interface KnownValues {
  /** Ids of rows that exist (organizations, chains, enterprises, campaigns, visits, cases, users…). */
  readonly ids: readonly string[];
  /** Unified social credit codes, valid and not yet taken. */
  readonly usccs: readonly string[];
  readonly regionCodes: readonly string[];
}

const DATES = ['2026-01-05', '2026-06-01', '2026-06-15', '2026-12-31'];

/**
 * Valid values of fields whose rule the document cannot say (a custom validator: money, a USCC, a business
 * duration), by the field's name; any other field is generated from its schema alone.
 */
function byName(name: string, known: KnownValues): fc.Arbitrary<unknown> | undefined {
  if (/amount$/iu.test(name)) return fc.constantFrom('100.00', '5000000.00', '1250000.5', '88');
  if (name === 'uscc') return fc.constantFrom(...known.usccs);
  if (/^(regionCode|parentCode|within|code)$/u.test(name)) return fc.constantFrom(...known.regionCodes);
  if (name === 'annualRatePct') return fc.constantFrom('3.45', '4', '12.125');
  if (/^(screening|claim|firstContact|decision|signing|repair|remindBefore|levelTwoAfter)$/u.test(name)) {
    return fc.constantFrom('3BD', '10BD', 'PT30S', 'P1D');
  }
  if (name === 'email') return fc.integer({ min: 1, max: 1e6 }).map((n) => `fuzz-${n}@test.unblock`);
  if (name === 'password') return fc.string({ minLength: 12, maxLength: 40 });
  if (name === 'until') return fc.constantFrom('2026-12-01T00:00:00.000Z', '2026-09-30T08:00:00+08:00');
  if (name === 'webhookUrl') return fc.constantFrom('https://hooks.example.cn/unblock', 'http://10.0.0.5:8080/h');
  if (name === 'webhookSecret') return fc.string({ minLength: 16, maxLength: 64 });
  if (name === 'cursor') return fc.constant(undefined);
  return undefined;
}

function stringOf(schema: Schema, known: KnownValues): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...known.ids), fc.uuid());
  if (schema.format === 'date') return fc.constantFrom(...DATES);
  if (schema.format === 'date-time') return fc.constantFrom(...DATES);
  if (schema.format === 'email') return fc.integer({ min: 1, max: 1e6 }).map((n) => `fuzz-${n}@test.unblock`);
  if (schema.pattern !== undefined) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      // a pattern fast-check cannot generate from (lookarounds): plain text below
    }
  }
  const minLength = schema.minLength ?? 0;
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(schema.maxLength ?? 40, 40)) });
}

/** Values that satisfy a schema as far as the document tells (`name` is the field's, for `byName`). */
export function valueOf(
  document: OpenApiDocument,
  given: Schema,
  known: KnownValues,
  name = '',
): fc.Arbitrary<unknown> {
  const schema = resolve(document, given);
  const named = byName(name, known);
  if (named !== undefined) return named;
  if (schema.enum !== undefined && schema.enum.length > 0) {
    return schema.type === 'array'
      ? fc.uniqueArray(fc.constantFrom(...schema.enum), { minLength: 1, maxLength: schema.enum.length })
      : fc.constantFrom(...schema.enum);
  }
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants !== undefined && variants.length > 0) {
    return fc.oneof(...variants.map((v) => valueOf(document, v, known, name)));
  }
  switch (schema.type) {
    case 'string':
      return stringOf(schema, known);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'number':
      return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 1000) });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items === undefined ? fc.string() : valueOf(document, schema.items, known, name);
      const minLength = schema.minItems ?? 0;
      return fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    default:
      return objectOf(document, schema, known);
  }
}

/** A body or a query string: every required property, and any of the optional ones. */
export function objectOf(document: OpenApiDocument, schema: Schema, known: KnownValues): fc.Arbitrary<object> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, property] of Object.entries(properties)) record[key] = valueOf(document, property, known, key);
  return fc
    .record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) })
    .map((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)));
}

/** What a field's schema says its JSON type is (`object` for a nested DTO). */
export function jsonTypeOf(document: OpenApiDocument, given: Schema): string {
  const schema = resolve(document, given);
  if (schema.type !== undefined) return schema.type;
  if (schema.enum !== undefined) return typeof schema.enum[0];
  return 'object';
}
