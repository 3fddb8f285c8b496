import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@unblock/config';
import { PreparedStatements, registerPoolMetrics } from '@unblock/database';
import { PROBLEM_CONTENT_TYPE, bearerMatches, problem } from '@unblock/http';
import { IMPORT_ROWS } from '@unblock/imports';
import { DEADLINE_LAG } from '@unblock/sla';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { JOB_DURATION } from './job-metrics';

/**
 * The worker's own metrics, on a port of their own (`WORKER_METRICS_PORT`, off when unset; bound to
 * `WORKER_METRICS_HOST`, 127.0.0.1 unless configured): `GET /metrics` with `Authorization: Bearer
 * <METRICS_TOKEN>`. The process's (event-loop lag, memory, CPU), its Postgres pools, its jobs' durations,
 * the deadlines' lag to their escalations, the import rows committed. A plain `node:http` server: the worker
 * runs no HTTP framework.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerMetrics');
  private readonly registry = new Registry();
  private server: Server | undefined;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() dataSource: DataSource,
    prepared: PreparedStatements,
  ) {
    collectDefaultMetrics({ register: this.registry });
    registerPoolMetrics(this.registry, dataSource, prepared);
    for (const metric of [JOB_DURATION, DEADLINE_LAG, IMPORT_ROWS]) this.registry.registerMetric(metric);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { workerPort, workerHost, token } = this.config.metrics;
    if (workerPort === null || token === null) return;
    const server = createServer((request, response) => void this.answer(request, response, token));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(workerPort, workerHost, () => resolve());
    });
    this.server = server;
    this.logger.log(`metrics on http://${workerHost}:${workerPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private async answer(request: IncomingMessage, response: ServerResponse, token: string): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics')
      return refuse(response, 404, 'not-found', 'Not Found', 'no such page');
    if (!bearerMatches(request.headers.authorization, token)) {
      return refuse(response, 401, 'unauthenticated', 'Unauthorized', 'the metrics token is required');
    }
    try {
      const text = await this.registry.metrics();
      response.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' });
      response.end(text);
    } catch (error: unknown) {
      this.logger.error({ err: error }, 'the metrics failed');
      refuse(response, 500, 'internal-server-error', 'Internal Server Error', 'the metrics failed');
    }
  }
}

function refuse(response: ServerResponse, status: number, slug: string, title: string, detail: string): void {
  response.writeHead(status, { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store' });
  response.end(JSON.stringify(problem(status, slug, title, detail)));
}
