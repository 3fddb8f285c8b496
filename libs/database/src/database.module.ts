import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@unblock/config';
import { ENTITIES } from './entities';
import { dataSourceOptions } from './data-source-options';
import { PreparedStatements } from './prepared';

/** The TypeORM data source of an app, a repository for every entity, and the hot paths' prepared statements. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) =>
            dataSourceOptions(config.databaseUrl, config.databasePoolSize, applicationName),
        }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: [PreparedStatements],
      exports: [TypeOrmModule, PreparedStatements],
    };
  }
}
