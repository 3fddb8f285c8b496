import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@unblock/config';
import { PreparedStatements, registerPoolMetrics } from '@unblock/database';
import { Clock } from '@unblock/domain';
import { ReportRollups } from '@unblock/reports';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { ApiQueues } from '../admin/api-queues';
import { HTTP_REQUEST_DURATION } from './http-metrics';
import { registerStateMetrics } from './state-metrics';

/**
 * The API's metrics, in a registry of its own: the process's (event-loop lag, memory, CPU), its Postgres
 * pools, its requests' durations (`observeRequests`), and the system's state read at scrape time
 * (`registerStateMetrics`).
 */
@Injectable()
export class ApiMetrics {
  private readonly registry = new Registry();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    prepared: PreparedStatements,
    queues: ApiQueues,
    rollups: ReportRollups,
    clock: Clock,
    config: AppConfig,
  ) {
    // The process's metrics sample the event loop all along: only when someone may read them.
    if (config.metrics.token !== null) collectDefaultMetrics({ register: this.registry });
    registerPoolMetrics(this.registry, dataSource, prepared);
    this.registry.registerMetric(HTTP_REQUEST_DURATION);
    registerStateMetrics(this.registry, { dataSource, queues: queues.all, rollups, clock });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The metrics in Prometheus' text format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
