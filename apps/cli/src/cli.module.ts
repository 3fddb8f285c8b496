import { DynamicModule, Module } from '@nestjs/common';
import { CasesModule } from '@unblock/cases';
import { AppConfig, ConfigModule } from '@unblock/config';
import type { Clock } from '@unblock/domain';
import { DatabaseModule } from '@unblock/database';
import { IdentityModule } from '@unblock/identity';
import { ReferenceDataModule } from '@unblock/reference-data';
import { ReportsModule } from '@unblock/reports';
import { DemoActivity } from './demo-activity.service';
import { DemoBalances } from './demo-balances.service';
import { DemoSeeder } from './demo-seeder.service';

/** Operators' commands: the same use cases as the API, without HTTP. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule.forRoot('unblock-cli'),
        IdentityModule,
        ReferenceDataModule,
        ReportsModule,
        CasesModule,
      ],
      providers: [DemoSeeder, DemoActivity, DemoBalances],
    };
  }
}
