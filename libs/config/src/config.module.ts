import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '@unblock/domain';
import { AppConfig } from './app-config';

/** Hands the configuration, validated once by the entry point, and the clock to every provider. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [AppConfig, Clock],
    };
  }
}
