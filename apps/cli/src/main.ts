import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError } from '@unblock/config';
import { DomainError } from '@unblock/domain';
import { EnsureAdminUseCase } from '@unblock/identity';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { checkAdminCredentials } from './admin-credentials';
import { CliModule } from './cli.module';
import { DemoSeeder } from './demo-seeder';

const USAGE = `usage:
  npm run cli -- migrate
  npm run cli -- create-admin --email <email> --password <password> [--name <name>]
  npm run cli -- seed-demo`;
const COMMANDS = ['migrate', 'create-admin', 'seed-demo'];

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
  });
  const command = positionals[0];
  if (command === undefined || !COMMANDS.includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = AppConfig.fromProcessOrExit();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    if (command === 'migrate') {
      const applied = await app.get(DataSource).runMigrations({ transaction: 'each' });
      process.stdout.write(
        `migrations applied: ${applied.length === 0 ? 'none pending' : applied.map((m) => m.name).join(', ')}\n`,
      );
      return 0;
    }
    if (command === 'create-admin') {
      if (values.email === undefined || values.password === undefined) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      checkAdminCredentials(values.email, values.password);
      const result = await app.get(EnsureAdminUseCase).execute({
        email: values.email,
        password: values.password,
        ...(values.name !== undefined ? { name: values.name } : {}),
      });
      process.stdout.write(`${result.created ? 'created' : 'exists already'}: admin ${values.email} (${result.id})\n`);
      return 0;
    }
    const seeder = app.get(DemoSeeder);
    const result = await seeder.seed();
    process.stdout.write(
      result.seeded ? `demo seeded: ${JSON.stringify(result.counts)}\n` : 'demo already seeded; nothing changed\n',
    );
    process.stdout.write('demo logins:\n');
    for (const login of seeder.logins()) {
      process.stdout.write(`  ${login.role.padEnd(14)} ${login.email}  ${login.password}\n`);
    }
    return 0;
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof DomainError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(1);
  },
);
