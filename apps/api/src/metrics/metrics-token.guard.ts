import { CanActivate, ExecutionContext, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { AppConfig } from '@unblock/config';
import { bearerMatches } from '@unblock/http';
import type { FastifyRequest } from 'fastify';

/**
 * The metrics are not public: they answer only `Authorization: Bearer <METRICS_TOKEN>` (compared in constant
 * time), and, with no token configured, are not there at all (404).
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.metrics.token;
    if (token === null) throw new NotFoundException('no metrics here');
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!bearerMatches(request.headers.authorization, token)) {
      throw new UnauthorizedException('the metrics token is required');
    }
    return true;
  }
}
