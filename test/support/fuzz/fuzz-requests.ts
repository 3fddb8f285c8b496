import type { Role } from '@unblock/domain';
import fc from 'fast-check';
import { resolve, type OpenApiDocument, type Operation, type Parameter, type Schema } from './openapi-operations';
import { jsonTypeOf, objectOf, valueOf, type KnownValues } from './schema-arbitraries';
import {
  HUGE_NUMBERS,
  HUGE_NUMBER_TEXTS,
  badAuthorizations,
  badIds,
  deepJson,
  forgedCursor,
  longIds,
  loneSurrogateText,
  wrongTypeFor,
} from './hostile-values';
import { uploadDefects } from './upload-defects';

/** A request before it is sent: who sends it, and its parts (path and query values percent-encoded). */
export interface Parts {
  readonly role: Role | undefined;
  /** Replaces the role's bearer token; null sends no Authorization header. */
  readonly authorization?: string | null;
  readonly params: Readonly<Record<string, string>>;
  readonly query: readonly (readonly [string, string])[];
  readonly body?: unknown;
  /** A payload sent as it is, instead of the body as JSON. */
  readonly raw?: string;
  readonly contentType?: string;
}

/** One generated request: always with at least one defect, so the one right answer is a 4xx. */
export interface FuzzRequest {
  readonly defect: string;
  readonly method: Operation['method'];
  readonly url: string;
  readonly role: Role | undefined;
  readonly authorization?: string | null;
  readonly contentType?: string;
  readonly payload?: string;
}

/** What the fuzz knows of the world: real values, and the id each path parameter of each path takes. */
export interface FuzzContext {
  readonly document: OpenApiDocument;
  readonly known: KnownValues;
  readonly idFor: (path: string, param: string) => string;
  /** A valid upload of each import kind (the base of the import operations' requests). */
  readonly uploads: Readonly<Record<string, string>>;
}

export interface Defect {
  readonly label: string;
  readonly apply: (parts: Parts) => Parts;
}

interface Target {
  readonly path: readonly (string | number)[];
  readonly schema: Schema;
  readonly required: boolean;
}

const EVERY_ROLE: readonly Role[] = ['admin', 'field_officer', 'bank_manager', 'supervisor'];
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** The body's fields: its properties, and those of objects in its arrays (`contracts.0.amount`). */
function targetsOf(document: OpenApiDocument, schema: Schema): Target[] {
  const targets: Target[] = [];
  for (const [key, given] of Object.entries(schema.properties ?? {})) {
    const property = resolve(document, given);
    const required = schema.required?.includes(key) === true;
    targets.push({ path: [key], schema: property, required });
    const items = property.items === undefined ? undefined : resolve(document, property.items);
    for (const [sub, subSchema] of Object.entries(items?.properties ?? {})) {
      targets.push({ path: [key, 0, sub], schema: subSchema, required: items?.required?.includes(sub) === true });
    }
  }
  return targets;
}

/** A copy of a JSON body with the value at `path` replaced (an array met on the way gets its first object). */
function withValue(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const root = (body !== null && typeof body === 'object' ? structuredClone(body) : {}) as Record<string, unknown>;
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i];
    const nextIsIndex = typeof path[i + 1] === 'number';
    const child = node[key];
    if (nextIsIndex) {
      if (!Array.isArray(child) || child.length === 0 || typeof child[0] !== 'object' || child[0] === null) {
        node[key] = [{}];
      }
    } else if (child === null || typeof child !== 'object') {
      node[key] = {};
    }
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return root;
}

const named = (target: Target): string => target.path.join('.');

/** A query parameter whose every value is not free text (so any hostile text is wrong for it). */
function constrained(param: Parameter): boolean {
  const s = param.schema;
  return (
    s.enum !== undefined ||
    s.format !== undefined ||
    s.pattern !== undefined ||
    s.type === 'integer' ||
    s.type === 'number' ||
    s.type === 'boolean' ||
    param.name === 'cursor'
  );
}

function setQuery(parts: Parts, name: string, value: string): Parts {
  return { ...parts, query: [...parts.query.filter(([k]) => k !== name), [name, value]] };
}

function bodyDefects(context: FuzzContext, schema: Schema): fc.Arbitrary<Defect>[] {
  const targets = targetsOf(context.document, schema);
  const names = new Set(targets.map((t) => String(t.path[t.path.length - 1])));
  const defects: fc.Arbitrary<Defect>[] = [];
  const wholeBody = fc.constantFrom('[]', '[{}]', '"text"', '42', 'true', '"\\ud800"');
  defects.push(
    wholeBody.map((raw) => ({ label: `a body that is ${raw}`, apply: (p) => ({ ...p, raw }) })),
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()))
      .filter(([key]) => !names.has(key) && key !== '__proto__') // JSON.stringify would drop it
      .chain(([key, value]) =>
        fc
          .constantFrom<(string | number)[]>(
            [key],
            ...targets.filter((t) => t.path.length === 3).map((t) => [t.path[0] as string, 0, key]),
          )
          .map((path) => ({
            label: `an unknown field ${JSON.stringify(path.join('.'))}`,
            apply: (p: Parts) => ({ ...p, body: withValue(p.body, path, value) }),
          })),
      ),
    loneSurrogateText.map((text) => ({
      label: 'a key with a lone surrogate',
      apply: (p: Parts) => ({ ...p, body: withValue(p.body, [text], 1) }),
    })),
  );
  if (targets.length === 0) return defects;
  const target = fc.constantFrom(...targets);
  defects.push(
    fc
      .tuple(target, fc.constantFrom(...HUGE_NUMBERS, 'NaN', '1e308'))
      .filter(
        ([t, n]) => typeof n === 'number' || ['integer', 'number'].includes(jsonTypeOf(context.document, t.schema)),
      )
      .map(([t, n]) => ({
        label: `${named(t)} = ${String(n)}`,
        apply: (p) => ({ ...p, body: withValue(p.body, t.path, n) }),
      })),
    target.chain((t) =>
      wrongTypeFor(jsonTypeOf(context.document, t.schema), t.required).map((value) => ({
        label: `${named(t)} of the wrong type: ${JSON.stringify(value)}`,
        apply: (p: Parts) => ({ ...p, body: withValue(p.body, t.path, value) }),
      })),
    ),
  );
  const texts = targets.filter((t) => ['string', 'array'].includes(jsonTypeOf(context.document, t.schema)));
  if (texts.length > 0) {
    defects.push(
      fc.tuple(fc.constantFrom(...texts), loneSurrogateText).map(([t, text]) => {
        const value = t.path[t.path.length - 1] === 'email' ? `${text}@x.cn` : text;
        const isArray = jsonTypeOf(context.document, t.schema) === 'array';
        return {
          label: `a lone surrogate in ${named(t)}`,
          apply: (p: Parts) => ({ ...p, body: withValue(p.body, t.path, isArray ? [value] : value) }),
        };
      }),
    );
  }
  return defects;
}

function queryDefects(op: Operation, context: FuzzContext): fc.Arbitrary<Defect>[] {
  const params = op.queryParams;
  if (params.length === 0) return [];
  const defects: fc.Arbitrary<Defect>[] = [
    fc
      .tuple(fc.stringMatching(/^[a-zA-Z_]{1,12}$/u), fc.string({ maxLength: 8 }))
      .filter(([key]) => !params.some((p) => p.name === key))
      .map(([key, value]) => ({
        label: `an unknown query parameter ${key}`,
        apply: (p) => setQuery(p, key, encodeURIComponent(value)),
      })),
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => ({
      label: `the query parameter ${key}`,
      apply: (p) => setQuery(p, key, '1'),
    })),
    fc.constantFrom(...params).map((param) => ({
      label: `${param.name} given twice`,
      apply: (p) => ({ ...p, query: [...setQuery(p, param.name, '1').query, [param.name, '2']] }),
    })),
  ];
  const strict = params.filter(constrained);
  if (strict.length > 0) {
    const hostile = fc.oneof(
      fc.constantFrom(...HUGE_NUMBER_TEXTS),
      fc.constantFrom('%ED%A0%80', 'yes', '', '-0', '%00'),
    );
    defects.push(
      fc
        .tuple(fc.constantFrom(...strict), hostile)
        .filter(([param, text]) => text !== '-0' || (param.schema.minimum ?? 0) >= 1)
        .map(([param, text]) => ({
          label: `${param.name} = ${text}`,
          apply: (p) =>
            setQuery(p, param.name, text === '%ED%A0%80' || text === '%00' ? text : encodeURIComponent(text)),
        })),
    );
  }
  if (params.some((p) => p.name === 'cursor')) {
    defects.push(
      forgedCursor(context.known.ids[0] ?? '').map((cursor) => ({
        label: `a forged cursor ${cursor.slice(0, 60)}`,
        apply: (p) => setQuery(p, 'cursor', encodeURIComponent(cursor)),
      })),
    );
  }
  return defects;
}

function pathDefects(op: Operation): fc.Arbitrary<Defect>[] {
  if (op.pathParams.length === 0) return [];
  const param = fc.constantFrom(...op.pathParams.map((p) => p.name));
  return [
    fc.tuple(param, longIds).map(([name, id]) => ({
      label: `a ${id.length}-character ${name}`,
      apply: (p) => ({ ...p, params: { ...p.params, [name]: id } }),
    })),
    fc.tuple(param, badIds).map(([name, id]) => ({
      label: `${name} = ${id}`,
      apply: (p) => ({ ...p, params: { ...p.params, [name]: id } }),
    })),
  ];
}

function writeDefects(): fc.Arbitrary<Defect>[] {
  return [
    fc
      .tuple(fc.constantFrom(33, 100, 1000, 10_000), fc.constantFrom('array', 'object', 'mixed' as const), fc.boolean())
      .map(([depth, shape, inField]) => ({
        label: `JSON nested ${depth} deep (${shape}${inField ? ', in a field' : ''})`,
        apply: (p: Parts) => {
          const deep = deepJson(depth, shape);
          const body = p.body !== null && typeof p.body === 'object' && !Array.isArray(p.body) ? p.body : {};
          const raw = inField ? JSON.stringify({ ...body, nested: 'DEEP' }).replace('"DEEP"', deep) : deep;
          return { ...p, raw, contentType: 'application/json' };
        },
      })),
    fc.constantFrom('{"__proto__":{"admin":true}', '{"constructor":{"prototype":{"admin":true}}').map((start) => ({
      label: `a body with ${start.slice(2, 13)}`,
      apply: (p: Parts) => {
        const rest = p.body !== null && typeof p.body === 'object' ? JSON.stringify(p.body).slice(1) : '}';
        return { ...p, raw: `${start}${rest === '}' ? '' : ','}${rest}`, contentType: 'application/json' };
      },
    })),
  ];
}

function authDefects(op: Operation): fc.Arbitrary<Defect>[] {
  if (op.roles === 'public') return [];
  const defects: fc.Arbitrary<Defect>[] = [
    badAuthorizations.map((authorization) => ({
      label: `Authorization: ${String(authorization).slice(0, 40)}`,
      apply: (p) => ({ ...p, authorization }),
    })),
  ];
  const others = EVERY_ROLE.filter((r) => !(op.roles as readonly Role[]).includes(r));
  if (others.length > 0) {
    defects.push(fc.constantFrom(...others).map((role) => ({ label: `as ${role}`, apply: (p) => ({ ...p, role }) })));
  }
  return defects;
}

/** Every defect that applies to the operation (none: it takes no input that could be wrong). */
export function defectsOf(op: Operation, context: FuzzContext): fc.Arbitrary<Defect>[] {
  const defects = [...pathDefects(op), ...queryDefects(op, context), ...authDefects(op)];
  if (WRITES.has(op.method)) defects.push(...writeDefects());
  if (op.body === 'upload') defects.push(...uploadDefects(context.uploads[op.path.split('/').pop() ?? ''] ?? ''));
  else if (op.body !== undefined && op.method !== 'GET') defects.push(...bodyDefects(context, op.body));
  return defects;
}

/** A request of the operation that could succeed: the base every defect is applied to. */
function baseOf(op: Operation, context: FuzzContext): fc.Arbitrary<Parts> {
  const params = Object.fromEntries(
    op.pathParams.map((p) => [p.name, encodeURIComponent(context.idFor(op.path, p.name))]),
  );
  const query = fc.tuple(
    ...op.queryParams.map((param) =>
      fc
        .option(valueOf(context.document, param.schema, context.known, param.name), { nil: undefined })
        .map((value) =>
          value === undefined
            ? undefined
            : ([param.name, encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value))] as const),
        ),
    ),
  );
  const body =
    op.body === undefined || op.body === 'upload' || op.method === 'GET'
      ? fc.constant(undefined)
      : objectOf(context.document, op.body, context.known);
  const role = op.roles === 'public' ? fc.constant(undefined) : fc.constantFrom(...op.roles);
  const upload = op.body === 'upload' ? context.uploads[op.path.split('/').pop() ?? ''] : undefined;
  return fc.record({ role, query, body }).map(({ role: r, query: q, body: b }) => ({
    role: r,
    params,
    query: q.filter((pair): pair is readonly [string, string] => pair !== undefined),
    ...(b === undefined ? {} : { body: b }),
    ...(upload === undefined ? {} : { raw: upload, contentType: 'text/csv' }),
  }));
}

function toRequest(op: Operation, parts: Parts, defect: string): FuzzRequest {
  const path = op.path.replace(/\{(\w+)\}/gu, (_, name: string) => parts.params[name] ?? '');
  const query = parts.query.map(([k, v]) => `${k}=${v}`).join('&');
  const payload = parts.raw ?? (parts.body === undefined ? undefined : JSON.stringify(parts.body));
  const request: FuzzRequest = {
    defect,
    method: op.method,
    url: query === '' ? path : `${path}?${query}`,
    role: parts.role,
    ...(parts.authorization === undefined ? {} : { authorization: parts.authorization }),
    ...(payload === undefined ? {} : { payload, contentType: parts.contentType ?? 'application/json' }),
  };
  return Object.assign(request, {
    [fc.toStringMethod]: () =>
      `${op.method} ${request.url.slice(0, 300)} as ${String(parts.role)} [${defect}]` +
      (payload === undefined ? '' : ` ${request.contentType}: ${payload.slice(0, 300)} (${payload.length} chars)`),
  });
}

/** The operation's requests: a base that could succeed, with one defect applied. */
export function requestsOf(op: Operation, context: FuzzContext): fc.Arbitrary<FuzzRequest> | undefined {
  const defects = defectsOf(op, context);
  if (defects.length === 0) return undefined;
  return fc
    .tuple(baseOf(op, context), fc.oneof(...defects))
    .map(([base, defect]) => toRequest(op, defect.apply(base), defect.label));
}
