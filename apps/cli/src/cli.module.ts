import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '@unblock/config';
import { DatabaseModule } from '@unblock/database';
import { IdentityModule } from '@unblock/identity';
import { ReferenceDataModule } from '@unblock/reference-data';
import { ReportsModule } from '@unblock/reports';
import { DemoSeeder } from './demo-seeder.service';

/** Operators' commands: the same use cases as the API, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('unblock-cli'),
        IdentityModule,
        ReferenceDataModule,
        ReportsModule,
      ],
      providers: [DemoSeeder],
    };
  }
}
