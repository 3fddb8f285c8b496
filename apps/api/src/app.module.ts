import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { CasesModule, PortalModule } from '@unblock/cases';
import { AppConfig, ConfigModule } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import type { Clock } from '@unblock/domain';
import { CsvInterceptor, CsvNames, ProblemDetailsFilter, createValidationPipe } from '@unblock/http';
import { IdentityModule } from '@unblock/identity';
import { ImportsModule } from '@unblock/imports';
import { ReferenceDataModule } from '@unblock/reference-data';
import { BulletinsModule, ReportsModule } from '@unblock/reports';
import { NotificationsModule } from '@unblock/notifications';
import { SlaReadModule } from '@unblock/sla';
import { LoggerModule } from 'nestjs-pino';
import { AdminBootstrapService } from './admin-bootstrap.service';
import { ApiQueues } from './admin/api-queues';
import { AuditWriter } from './audit/audit-writer';
import { AuthController } from './auth/auth.controller';
import { MeController } from './auth/me.controller';
import { CaseRepairsController } from './cases/case-repairs.controller';
import { CaseScreeningController } from './cases/case-screening.controller';
import { DeclineReasonsController } from './reference/decline-reasons.controller';
import { CasesController } from './cases/cases.controller';
import { ContractsController } from './cases/contracts.controller';
import { interceptRoutes } from './common/route-interceptors';
import { IdempotencyClaims, IdempotencyGuard } from './common/idempotency.guard';
import { WritePipeline } from './common/write-pipeline.service';
import { VisitsController } from './cases/visits.controller';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { loginThrottle } from './auth/login-throttle';
import { RolesGuard } from './auth/roles.guard';
import { BulletinsController } from './reports/bulletins.controller';
import { ReportsController } from './reports/reports.controller';
import { LoanBalancesController } from './loan-balances/loan-balances.controller';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { CalendarsController } from './sla/calendars.controller';
import { EscalationsController } from './sla/escalations.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { SlaPoliciesController } from './sla/sla-policies.controller';
import { RedisClient } from './health/redis-client.provider';
import { CampaignsController } from './reference/campaigns.controller';
import { EnterprisesController } from './reference/enterprises.controller';
import { EnterpriseLinksController } from './reference/enterprise-links.controller';
import { PortalAudit } from './portal/portal-audit';
import { PortalController } from './portal/portal.controller';
import { PortalTokenGuard } from './portal/portal-token.guard';
import { IndustrialChainsController } from './reference/industrial-chains.controller';
import { OrganizationsController } from './reference/organizations.controller';
import { RegionsController } from './reference/regions.controller';
import { UsersController } from './reference/users.controller';
import { loggerOptions } from './logging';
import { ApiMetrics } from './metrics/api-metrics';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsTokenGuard } from './metrics/metrics-token.guard';

/** Every controller of the API. */
export const CONTROLLERS = [
  AuthController,
  MeController,
  HealthController,
  RegionsController,
  OrganizationsController,
  UsersController,
  IndustrialChainsController,
  EnterprisesController,
  EnterpriseLinksController,
  CampaignsController,
  DeclineReasonsController,
  VisitsController,
  CasesController,
  ContractsController,
  CaseScreeningController,
  CaseRepairsController,
  EscalationsController,
  NotificationsController,
  CalendarsController,
  SlaPoliciesController,
  ReportsController,
  BulletinsController,
  LoanBalancesController,
  ImportsController,
  MetricsController,
  PortalController,
];

/** The HTTP API: controllers, guards and DTOs; the rules live in the libraries. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    // Interceptors per route, not global (see interceptRoutes): before Nest reads the routes' metadata.
    interceptRoutes(CONTROLLERS);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        LoggerModule.forRoot(loggerOptions(config)),
        DatabaseModule.forRoot('unblock-api'),
        ThrottlerModule.forRoot(loginThrottle(config)),
        TerminusModule.forRoot({ logger: false }),
        IdentityModule,
        ReferenceDataModule,
        CasesModule,
        PortalModule,
        SlaReadModule,
        NotificationsModule,
        ReportsModule,
        BulletinsModule,
        ImportsModule,
      ],
      controllers: [...CONTROLLERS],
      providers: [
        AdminBootstrapService,
        RedisClient,
        ApiQueues,
        ApiMetrics,
        MetricsTokenGuard,
        PortalTokenGuard,
        PortalAudit,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        // The last guard: it needs the actor.
        { provide: APP_GUARD, useClass: IdempotencyGuard },
        IdempotencyClaims,
        AuditWriter,
        // Audit records and kept answers of every write, mounted on Fastify by the bootstrap.
        WritePipeline,
        // The CSV/XLSX export on the routes marked so.
        CsvInterceptor,
        CsvNames,
      ],
    };
  }
}
