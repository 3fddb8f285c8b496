import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppConfig, ConfigError } from '@unblock/config';
import { DomainError, ManualClock } from '@unblock/domain';
import { EnsureAdminUseCase } from '@unblock/identity';
import { ReportRollups } from '@unblock/reports';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { checkAdminCredentials } from './admin-credentials';
import { generateCampaign } from './campaign-generator';
import { CliModule } from './cli.module';
import { DemoSeeder } from './demo-seeder.service';
import { archiveVisitMonth, ensureVisitMonths, monthStart } from './visit-partitions';

const USAGE = `usage:
  npm run cli -- migrate
  npm run cli -- create-admin --email <email> --password <password> [--name <name>]
  npm run cli -- seed-demo
  npm run campaign:generate -- --visits 9430000 --enterprises 200000 --cases 1000000 [--seed 9430000]
  npm run cli -- visit-partitions --from <YYYY-MM> [--months 12]
  npm run cli -- archive-visits --month <YYYY-MM>`;
const COMMANDS = ['migrate', 'create-admin', 'seed-demo', 'generate-campaign', 'visit-partitions', 'archive-visits'];

async function run(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      visits: { type: 'string' },
      enterprises: { type: 'string' },
      cases: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      months: { type: 'string' },
      month: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (command === undefined || !COMMANDS.includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = AppConfig.fromProcessOrExit();
  if (command === 'generate-campaign') {
    const count = (name: 'visits' | 'enterprises' | 'cases' | 'seed', fallback: number): number => {
      const raw = values[name];
      if (raw === undefined) return fallback;
      if (!/^\d{1,9}$/u.test(raw)) throw DomainError.invalid(`--${name}`, 'must be a whole number');
      return Number(raw);
    };
    const report = await generateCampaign(config.databaseUrl, {
      visits: count('visits', 9_430_000),
      enterprises: Math.max(1, count('enterprises', 200_000)),
      cases: count('cases', 1_000_000),
      seed: count('seed', 9_430_000),
    });
    process.stdout.write(
      `campaign ${report.campaignId} generated in ${report.seconds} s: ${JSON.stringify(report.counts)}\n`,
    );
    const started = Date.now();
    const context = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
      logger: ['error', 'warn'],
    });
    try {
      const rebuilt = await context.get(ReportRollups).rebuild(report.campaignId);
      process.stdout.write(
        `report rollups rebuilt in ${Math.round((Date.now() - started) / 100) / 10} s: ${rebuilt.days} days\n`,
      );
    } finally {
      await context.close();
    }
    return 0;
  }
  // The demo plays its campaign's history on a clock it sets back; every other command runs on the system's.
  const clock = command === 'seed-demo' ? new ManualClock(new Date()) : undefined;
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, clock), {
    logger: ['error', 'warn'],
  });
  try {
    if (command === 'migrate') {
      const applied = await app.get(DataSource).runMigrations({ transaction: 'each' });
      process.stdout.write(
        `migrations applied: ${applied.length === 0 ? 'none pending' : applied.map((m) => m.name).join(', ')}\n`,
      );
      return 0;
    }
    if (command === 'visit-partitions') {
      const months = values.months ?? '12';
      if (!/^\d{1,3}$/u.test(months)) throw DomainError.invalid('--months', 'must be a whole number up to 999');
      const made = await ensureVisitMonths(app.get(DataSource), monthStart('--from', values.from), Number(months));
      process.stdout.write(`partitions of visits: ${made.join(', ')}\n`);
      return 0;
    }
    if (command === 'archive-visits') {
      const archived = await archiveVisitMonth(app.get(DataSource), monthStart('--month', values.month));
      process.stdout.write(archived === null ? 'no partition for that month\n' : `detached into ${archived}\n`);
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
