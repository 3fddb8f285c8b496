import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AppConfig } from '@unblock/config';
import { CSV_EXPORT, CsvInterceptor } from '@unblock/http';
import { AppModule, CONTROLLERS } from '../app.module';
import { BulletinPdfInterceptor } from '../reports/bulletin-pdf.interceptor';

interface Route {
  readonly name: string;
  readonly method: RequestMethod;
  readonly csv: boolean;
  readonly interceptors: unknown[];
}

function routes(): Route[] {
  return CONTROLLERS.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const handler = (controller.prototype as unknown as Record<string, unknown>)[name];
      if (typeof handler !== 'function') return [];
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined || Reflect.getMetadata(PATH_METADATA, handler) === undefined) return [];
      return [
        {
          name: `${controller.name}.${name}`,
          method,
          csv: Reflect.getMetadata(CSV_EXPORT, handler) !== undefined,
          interceptors: (Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[] | undefined) ?? [],
        },
      ];
    }),
  );
}

describe('interceptors by route', () => {
  beforeAll(() => {
    // forRoot attaches them; a second call must add nothing.
    const config = AppConfig.from({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/none',
      REDIS_URL: 'redis://127.0.0.1:6379',
      JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
    });
    AppModule.forRoot(config);
    AppModule.forRoot(config);
  });

  it('gives no write route an interceptor: their audit and idempotency are hooks and a guard (WritePipeline)', () => {
    const writes = routes().filter((r) => r.method !== RequestMethod.GET);
    expect(writes.length).toBeGreaterThan(30);
    for (const r of writes)
      expect({ route: r.name, interceptors: r.interceptors }).toEqual({ route: r.name, interceptors: [] });
  });

  it('gives the CSV/XLSX export to the routes marked @CsvExport, and leaves other reads without any interceptor', () => {
    // A bulletin is also a PDF (`Accept: application/pdf`), before its CSV/XLSX.
    const own: Record<string, unknown[]> = { 'BulletinsController.get': [BulletinPdfInterceptor] };
    const reads = routes().filter((r) => r.method === RequestMethod.GET);
    const exported = reads.filter((r) => r.csv);
    expect(exported.map((r) => r.name)).toEqual(
      expect.arrayContaining(['CasesController.list', 'ReportsController.summary']),
    );
    for (const r of reads) {
      expect({ route: r.name, interceptors: r.interceptors }).toEqual({
        route: r.name,
        interceptors: [...(own[r.name] ?? []), ...(r.csv ? [CsvInterceptor] : [])],
      });
    }
  });
});
