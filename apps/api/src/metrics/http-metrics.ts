import type { AppConfig } from '@unblock/config';
import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';

/** Requests that matched no route share one label, so that probing URLs cannot grow the series. */
const NO_ROUTE = 'unmatched';

/** The API's answers' durations, by method, route pattern (`/api/v1/cases/:id`, not the URL) and status. */
export const HTTP_REQUEST_DURATION = new Histogram({
  name: 'unblock_http_request_duration_seconds',
  help: 'Seconds from a request to its answer, by method, route pattern and status code.',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [],
});

/**
 * Observes every answer's duration once it is sent: one histogram observation per request, no I/O. Only
 * when the metrics are served (METRICS_TOKEN): else nobody reads them.
 */
export function observeRequests(fastify: FastifyInstance, config: AppConfig): void {
  if (config.metrics.token === null) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    HTTP_REQUEST_DURATION.observe(
      { method: request.method, route: request.routeOptions.url ?? NO_ROUTE, status_code: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
