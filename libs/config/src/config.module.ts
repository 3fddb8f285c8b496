import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@unblock/domain';
import { HostResolver } from '@unblock/domain/webhook-destination';
import { AppConfig } from './app-config';
import { DnsHostResolver } from './dns-host-resolver';

/**
 * Hands the configuration, validated once by the entry point, the clock and the host name resolver to every
 * provider.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
        { provide: HostResolver, useClass: DnsHostResolver },
      ],
      exports: [AppConfig, Clock, HostResolver],
    };
  }
}
