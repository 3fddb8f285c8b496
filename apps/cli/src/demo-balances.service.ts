import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UPSERT_LOAN_BALANCES, UserEntity, inTransaction } from '@unblock/database';
import { Clock, WEEKENDS_ONLY, addMonths, fromFen, localDate, monthDay } from '@unblock/domain';
import { DataSource } from 'typeorm';
import { DEMO_BANK_MANAGERS, demoEnterprises, type DemoEnterprise } from './demo-data';
import { SeededRandom } from './seeded-random';

/** Months of balances the demo holds, up to the month before today: enough for growth year on year. */
export const DEMO_BALANCE_MONTHS = 15;

/** A first balance (fen) by size: a large enterprise borrows hundreds of millions, a micro one a few hundred thousand. */
const BASE_FEN: Readonly<Record<DemoEnterprise['size'], readonly [number, number]>> = {
  large: [20_000_000_000, 50_000_000_000],
  medium: [3_000_000_000, 10_000_000_000],
  small: [500_000_000, 2_000_000_000],
  micro: [50_000_000, 300_000_000],
};

/**
 * The demo banks' monthly balance reports: each enterprise borrows from one or two of the banks that have a
 * manager, with a balance growing about 1% a month (its medium/long-term part 30–60%), for the last
 * `DEMO_BALANCE_MONTHS` months, written by each bank's manager through the statement every report takes. Once:
 * a demo with balances is left as it is.
 */
@Injectable()
export class DemoBalances {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async play(): Promise<number> {
    const [any] = await this.dataSource.query<unknown[]>('SELECT 1 FROM loan_balances LIMIT 1');
    if (any !== undefined) return 0;
    const users = this.dataSource.getRepository(UserEntity);
    const managers: { userId: string; bankId: string }[] = [];
    for (const m of DEMO_BANK_MANAGERS) {
      const user = await users.findOneByOrFail({ email: m.email });
      if (user.organizationId !== null) managers.push({ userId: user.id, bankId: user.organizationId });
    }
    const enterprises = demoEnterprises();
    const ids = await this.dataSource.query<{ id: string; uscc: string }[]>(
      'SELECT id, uscc FROM enterprises WHERE uscc = ANY($1::text[])',
      [enterprises.map((e) => e.uscc)],
    );
    const idOf = new Map(ids.map((r) => [r.uscc, r.id]));
    const random = new SeededRandom(18_2025);
    const loans: { manager: number; enterpriseId: string; base: number; growth: number; share: number }[] = [];
    for (const enterprise of enterprises) {
      const enterpriseId = idOf.get(enterprise.uscc);
      if (enterpriseId === undefined) continue;
      const [low, high] = BASE_FEN[enterprise.size];
      const banks = enterprise.chainRole === 'leader' || random.next() < 0.3 ? 2 : 1;
      const first = random.int(managers.length);
      for (let k = 0; k < banks; k += 1) {
        loans.push({
          manager: (first + k * 5) % managers.length,
          enterpriseId,
          base: low + random.int(high - low),
          growth: 0.004 + random.next() * 0.016,
          share: 0.3 + random.next() * 0.3,
        });
      }
    }
    const lastMonth = addMonths(localDate(this.clock.now(), WEEKENDS_ONLY).slice(0, 7), -1);
    const now = this.clock.now();
    let written = 0;
    for (const [index, manager] of managers.entries()) {
      const own = loans.filter((l) => l.manager === index);
      if (own.length === 0) continue;
      const rows = own.flatMap((loan) =>
        Array.from({ length: DEMO_BALANCE_MONTHS }, (_, m) => {
          const fen = BigInt(Math.round(loan.base * (1 + loan.growth) ** m));
          const mediumLong = BigInt(Math.round(Number(fen) * loan.share));
          return {
            enterpriseId: loan.enterpriseId,
            month: addMonths(lastMonth, m - DEMO_BALANCE_MONTHS + 1),
            balance: fromFen(fen),
            mediumLong: fromFen(mediumLong),
          };
        }),
      );
      await inTransaction(this.dataSource, (em) =>
        em.query(UPSERT_LOAN_BALANCES, [
          rows.map(() => manager.bankId),
          rows.map((r) => r.enterpriseId),
          rows.map((r) => monthDay(r.month)),
          rows.map((r) => r.balance),
          rows.map((r) => r.mediumLong),
          rows.map(() => null),
          manager.userId,
          now,
          null,
        ]),
      );
      written += rows.length;
    }
    return written;
  }
}
