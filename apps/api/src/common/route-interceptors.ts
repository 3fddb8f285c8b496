import type { NestInterceptor, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { extendArrayMetadata } from '@nestjs/common/utils/extend-metadata.util';
import { CSV_EXPORT, CsvInterceptor } from '@unblock/http';

/**
 * The interceptors a route gets: the CSV/XLSX export where marked. (What every write needs, its audit
 * record and idempotency, are Fastify hooks and a guard: see `WritePipeline`.)
 */
export function interceptorsOf(handler: object): Type<NestInterceptor>[] {
  return Reflect.getMetadata(CSV_EXPORT, handler) !== undefined ? [CsvInterceptor] : [];
}

/**
 * Gives each route of these controllers its interceptors (`interceptorsOf`), as `@UseInterceptors` on the
 * route would, instead of global interceptors. Nest wraps every request of a route that has an
 * interceptor in observables and async resources, so a route that needs none (most reads) gets none.
 * Runs before the application is created; running it again adds nothing.
 */
export function interceptRoutes(controllers: readonly Type[]): void {
  for (const controller of controllers) {
    for (let proto = controller.prototype as object | null; proto && proto !== Object.prototype;) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = (proto as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const present = (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[] | undefined) ?? [];
        const missing = interceptorsOf(handler).filter((i) => !present.includes(i));
        if (missing.length > 0) extendArrayMetadata(INTERCEPTORS_METADATA, missing, handler);
      }
      proto = Object.getPrototypeOf(proto) as object | null;
    }
  }
}
