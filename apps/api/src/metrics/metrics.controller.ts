import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@unblock/http';
import { Registry } from 'prom-client';
import { ApiMetrics } from './api-metrics';
import { MetricsTokenGuard } from './metrics-token.guard';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  /**
   * Prometheus metrics, for the monitoring system: `Authorization: Bearer <METRICS_TOKEN>` (not a user's
   * access token); 404 when no METRICS_TOKEN is configured.
   */
  @Public()
  @UseGuards(MetricsTokenGuard)
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The metrics in the Prometheus text format.', schema: { type: 'string' } })
  @Get()
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  scrape(): Promise<string> {
    return this.metrics.render();
  }
}
