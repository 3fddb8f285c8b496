import { ALLOWED_ROLES, PUBLIC_ROUTE } from '@unblock/http';
import type { Role } from '@unblock/domain';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { runEntryPoint } from '../processes';

/** The part of a JSON Schema (OpenAPI 3.0 flavour) the fuzz reads. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly nullable?: boolean;
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, RawOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

interface RawOperation {
  readonly operationId?: string;
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: Schema }[];
  readonly requestBody?: { content?: Readonly<Record<string, { schema?: Schema }>> };
}

export interface Parameter {
  readonly name: string;
  readonly required: boolean;
  readonly schema: Schema;
}

/** One operation of the API as the fuzz drives it. */
export interface Operation {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The OpenAPI path, `/api/v1/cases/{id}/claim`. */
  readonly path: string;
  readonly label: string;
  readonly pathParams: readonly Parameter[];
  readonly queryParams: readonly Parameter[];
  /** The JSON body's schema (resolved), `upload` for a file import, undefined when it takes none. */
  readonly body: Schema | 'upload' | undefined;
  /** Who may call it: the roles of `@Roles`, every role when unmarked, `public` for `@Public`. */
  readonly roles: readonly Role[] | 'public';
}

/** The API's OpenAPI document, as `npm run web:client` builds it (with the swagger plugin's DTO metadata). */
export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const run = await runEntryPoint('apps/api/src/openapi/print-openapi-document.ts', {});
  if (run.code !== 0) throw new Error(`the OpenAPI document could not be built: ${run.stderr}`);
  return JSON.parse(run.stdout) as OpenApiDocument;
}

/** A schema with its `$ref`s (and single-member `allOf`s, as Nest writes them) replaced by their targets. */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (target === undefined) throw new Error(`unknown schema ${schema.$ref}`);
    return resolve(document, target);
  }
  if (schema.allOf?.length === 1 && schema.allOf[0] !== undefined) return resolve(document, schema.allOf[0]);
  return schema;
}

const EVERY_ROLE: readonly Role[] = ['admin', 'field_officer', 'bank_manager', 'supervisor'];

/** `@Roles` and `@Public` of each controller method, by the operation id Nest's swagger gives it. */
function accessByOperationId(app: INestApplication): Map<string, readonly Role[] | 'public'> {
  const access = new Map<string, readonly Role[] | 'public'>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (controller === null || typeof controller !== 'function') continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (method === 'constructor' || typeof handler !== 'function') continue;
        const isPublic = (Reflect.getMetadata(PUBLIC_ROUTE, handler) ??
          Reflect.getMetadata(PUBLIC_ROUTE, controller)) as boolean | undefined;
        const roles = (Reflect.getMetadata(ALLOWED_ROLES, handler) ??
          Reflect.getMetadata(ALLOWED_ROLES, controller)) as Role[] | undefined;
        access.set(`${controller.name}_${method}`, isPublic === true ? 'public' : (roles ?? EVERY_ROLE));
      }
    }
  }
  return access;
}

/** Every operation of the document under `/api/v1/`, with its parameters, body and who may call it. */
export function operationsOf(document: OpenApiDocument, app: INestApplication): Operation[] {
  const access = accessByOperationId(app);
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const [verb, raw] of Object.entries(item)) {
      const method = verb.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
      const parameters = (raw.parameters ?? []).map((p) => ({
        in: p.in,
        name: p.name,
        required: p.required === true,
        schema: resolve(document, p.schema ?? { type: 'string' }),
      }));
      const content = raw.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const body =
        json !== undefined
          ? resolve(document, json)
          : Object.keys(content).length > 0
            ? ('upload' as const)
            : undefined;
      const roles = raw.operationId === undefined ? undefined : access.get(raw.operationId);
      if (roles === undefined) throw new Error(`no controller method for ${method} ${path} (${raw.operationId})`);
      operations.push({
        method,
        path,
        label: `${method} ${path.replace('/api/v1', '')}`,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body,
        roles,
      });
    }
  }
  return operations;
}
