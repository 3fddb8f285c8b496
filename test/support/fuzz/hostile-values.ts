import fc from 'fast-check';

/** Text holding one lone UTF-16 surrogate (not well-formed, as JSON's `\ud800` escapes can carry). */
export const loneSurrogateText = fc
  .tuple(
    fc.string({ maxLength: 8 }),
    fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'),
    fc.string({ maxLength: 8 }),
  )
  .map(([before, surrogate, after]) => `${before}${surrogate}${after}`);

/** Numbers no integer field takes: past int4 and int8, past 2^53, not integers at all. */
export const HUGE_NUMBERS: readonly number[] = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 53 + 2), 2 ** 31, 2 ** 63, 0.5];

/** The same as query-string text, with the spellings a parser might take for a number. */
export const HUGE_NUMBER_TEXTS: readonly string[] = [
  '1e308',
  '-1e308',
  '9007199254740994',
  '-9007199254740994',
  '2147483648',
  '99999999999999999999',
  '0.5',
  'NaN',
  'Infinity',
  '0x10',
];

/** JSON that nests `depth` deep, as arrays, objects or both. */
export function deepJson(depth: number, shape: 'array' | 'object' | 'mixed'): string {
  if (shape === 'array') return `${'['.repeat(depth)}${']'.repeat(depth)}`;
  if (shape === 'object') return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const half = Math.ceil(depth / 2);
  return `${'[{"a":'.repeat(half)}0${'}]'.repeat(half)}`;
}

const base64url = (text: string): string => Buffer.from(text).toString('base64url');

/** Dates JavaScript reads and Postgres does not (or no date at all), as a forged cursor would carry them. */
const FORGED_DATES: readonly unknown[] = [
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '+010000-01-01T00:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  '2026-02-30T00:00:00.000Z',
  '2026-06-01',
  'yesterday',
  8.64e15,
  null,
];

/** Cursors this API never gave out: out-of-range dates, broken ids, other shapes, garbage. */
export function forgedCursor(realId: string): fc.Arbitrary<string> {
  const pairs = fc
    .tuple(fc.constantFrom(...FORGED_DATES), fc.constantFrom(realId, '-'.repeat(36), 'x', 7))
    .map(([at, id]) => base64url(JSON.stringify([at, id])));
  const badIds = fc
    .constantFrom('-'.repeat(36), `${realId}0`, realId.toUpperCase().replace(/[0-9]/gu, 'G'), '')
    .map((id) => base64url(JSON.stringify(['2026-06-01T00:00:00.000Z', id])));
  const shapes = fc
    .constantFrom('{}', '[]', 'null', '"x"', '[1,2]', '[[],[]]', '["2026-06-01T00:00:00.000Z"]', '{"at":1}')
    .map(base64url);
  const garbage = fc.oneof(
    fc.string({ minLength: 1, maxLength: 80 }),
    fc.base64String({ minLength: 4, maxLength: 80 }),
    fc.constant('A'.repeat(300)),
  );
  return fc.oneof(pairs, badIds, shapes, garbage);
}

/** Path parameters no route takes: past 100 characters (and past the router's limit), or no id at all. */
export const longIds: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 101, max: 4000 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 3, max: 60 }).map((n) => '00000000-0000-4000-8000-000000000000'.repeat(n)),
  fc.stringMatching(/^[0-9a-f-]{101,300}$/u),
  fc.constant('f'.repeat(17_000)),
);

export const badIds: fc.Arbitrary<string> = fc.constantFrom(
  'not-a-uuid',
  '12345',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  '00000000-0000-4000-8000-000000000000',
  '%ED%A0%80',
  '%C0%AF',
  '%E4%B8',
  '%00',
  '%20',
  'null',
  '-1',
  encodeURIComponent("1' OR '1'='1"),
);

/** Authorization headers that prove nobody (null: none at all). */
export const badAuthorizations: fc.Arbitrary<string | null> = fc.constantFrom(
  null,
  'Bearer ',
  'Bearer garbage',
  `Bearer ${base64url('{"alg":"none","typ":"JWT"}')}.${base64url('{"sub":"x","role":"admin"}')}.`,
  'Basic YWRtaW46YWRtaW4=',
  `Bearer ${'a'.repeat(5000)}`,
);

/** A JSON value of another type than `type` (null only where the field is required). */
export function wrongTypeFor(type: string, required: boolean): fc.Arbitrary<unknown> {
  const others: fc.Arbitrary<unknown>[] = [];
  if (type !== 'string') others.push(fc.string({ maxLength: 10 }), fc.constant('12'));
  if (type !== 'integer' && type !== 'number')
    others.push(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (type !== 'boolean') others.push(fc.boolean());
  if (type !== 'array') others.push(fc.constant([]), fc.constant(['x']), fc.constant([{}]));
  if (type !== 'object') others.push(fc.constant({}), fc.constant({ a: 1 }));
  if (required) others.push(fc.constant(null));
  return fc.oneof(...others);
}
