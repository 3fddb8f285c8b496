import { MigrationInterface, QueryRunner } from 'typeorm';

/** The rollup key: a month, a region at one depth, a bank and chain, and one dimension of the enterprise with its value. */
const KEY = 'month, region_digits, region_code, bank_id, chain_id, dimension, value';
const OLD_KEY = 'month, region_code, bank_id, chain_id, dimension, value';

/**
 * The dimensions of an enterprise `e` as rows (dimension, value): its chain role (null outside a chain: each
 * balance once, the row every total reads), its size, and each of its tags.
 */
function dimensionsOf(e: string): string {
  return `CROSS JOIN LATERAL (SELECT 'role', ${e}.chain_role::text UNION ALL SELECT 'size', ${e}.size::text
                              UNION ALL SELECT 'tag', t FROM unnest(${e}.tags) AS t) AS k(dimension, value)`;
}

/**
 * Adds rows (month, region_code, bank_id, chain_id, dimension, value, balance, medium_long_balance) to the
 * rollup at each depth of the region: its province (2 digits), its city (4) and its own code (6), each summed
 * once per key before it is spread over the depths.
 */
function addRows(rows: string): string {
  return `INSERT INTO report_balance_months (${KEY}, balance, medium_long_balance)
    SELECT r.month, d.digits, rpad(left(r.region_code, d.digits), 6, '0'), r.bank_id, r.chain_id, r.dimension,
           r.value, sum(r.balance), sum(r.medium_long_balance)
      FROM (SELECT month, region_code, bank_id, chain_id, dimension, value,
                   sum(balance) AS balance, sum(medium_long_balance) AS medium_long_balance
              FROM (${rows}) AS x
             GROUP BY month, region_code, bank_id, chain_id, dimension, value) AS r
     CROSS JOIN (VALUES (2), (4), (6)) AS d(digits)
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (${KEY}) DO UPDATE
       SET balance = report_balance_months.balance + EXCLUDED.balance,
           medium_long_balance = report_balance_months.medium_long_balance + EXCLUDED.medium_long_balance`;
}

/** The rollup's rows as LoanBalances1796648279681 added them: the enterprise's own region only. */
function addOldRows(rows: string): string {
  return `INSERT INTO report_balance_months (${OLD_KEY}, balance, medium_long_balance)
    SELECT month, region_code, bank_id, chain_id, dimension, value, sum(balance), sum(medium_long_balance)
      FROM (${rows}) AS r
     GROUP BY month, region_code, bank_id, chain_id, dimension, value
     ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (${OLD_KEY}) DO UPDATE
       SET balance = report_balance_months.balance + EXCLUDED.balance,
           medium_long_balance = report_balance_months.medium_long_balance + EXCLUDED.medium_long_balance`;
}

/** Signed balances (`delta`: month, bank_id, enterprise_id, balance, medium_long_balance) as rollup rows. */
const deltaRows = (delta: string): string =>
  `SELECT d.month, e.region_code, d.bank_id, e.chain_id, k.dimension, k.value, d.balance, d.medium_long_balance
     FROM (${delta}) d JOIN enterprises e ON e.id = d.enterprise_id ${dimensionsOf('e')}`;

/** The balances of the enterprise a row trigger moves (OLD → NEW), signed, as rollup rows. */
const MOVED_ROWS = `SELECT b.month, x.region_code, b.bank_id, x.chain_id, k.dimension, k.value,
                           x.sign * b.balance AS balance, x.sign * b.medium_long_balance AS medium_long_balance
                      FROM loan_balances b
                     CROSS JOIN (VALUES (OLD.region_code, OLD.chain_id, OLD.chain_role, OLD.size, OLD.tags, -1),
                                        (NEW.region_code, NEW.chain_id, NEW.chain_role, NEW.size, NEW.tags, 1))
                           AS x(region_code, chain_id, chain_role, size, tags, sign)
                     ${dimensionsOf('x')}
                     WHERE b.enterprise_id = NEW.id`;

const OLD_ROWS =
  'SELECT month, bank_id, enterprise_id, -balance AS balance, -medium_long_balance AS medium_long_balance FROM old_rows';
const NEW_ROWS = 'SELECT month, bank_id, enterprise_id, balance, medium_long_balance FROM new_rows';

/** The four trigger functions of the rollup, written with `add` (this migration's rows, or the earlier ones). */
async function replaceFunctions(queryRunner: QueryRunner, add: (rows: string) => string): Promise<void> {
  await queryRunner.query(`
            CREATE OR REPLACE FUNCTION report_balance_months_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN ${add(deltaRows(NEW_ROWS))}; RETURN NULL; END $$
        `);
  await queryRunner.query(`
            CREATE OR REPLACE FUNCTION report_balance_months_updated() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN ${add(deltaRows(`${OLD_ROWS} UNION ALL ${NEW_ROWS}`))}; RETURN NULL; END $$
        `);
  await queryRunner.query(`
            CREATE OR REPLACE FUNCTION report_balance_months_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN ${add(deltaRows(OLD_ROWS))}; RETURN NULL; END $$
        `);
  await queryRunner.query(`
            CREATE OR REPLACE FUNCTION report_balance_months_enterprise_moved() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN ${add(MOVED_ROWS)}; RETURN NULL; END $$
        `);
}

/**
 * The balance rollup at three depths of the region: each balance is summed under its province (2 digits), its
 * city (4) and its own region (6), so a report reads the rows of the depth it asks for (a province's total, its
 * cities, a city's counties) instead of summing every county's. Existing rows are the 6-digit ones; the others
 * are added from them.
 */
export class BalanceRollupDepths1796661479543 implements MigrationInterface {
  name = 'BalanceRollupDepths1796661479543';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_balance_months" ADD "region_digits" smallint NOT NULL DEFAULT 6`);
    await queryRunner.query(`ALTER TABLE "report_balance_months" ALTER COLUMN "region_digits" DROP DEFAULT`);
    await queryRunner.query(`
            ALTER TABLE "report_balance_months"
            ADD CONSTRAINT "report_balance_months_region_digits_check" CHECK ("region_digits" IN (2, 4, 6))
        `);
    await queryRunner.query(`ALTER TABLE "report_balance_months" DROP CONSTRAINT "report_balance_months_key"`);
    await queryRunner.query(`DROP INDEX "report_balance_months_by_month"`);
    await queryRunner.query(`
            INSERT INTO report_balance_months (${KEY}, balance, medium_long_balance)
            SELECT month, d.digits, rpad(left(region_code, d.digits), 6, '0'), bank_id, chain_id, dimension, value,
                   sum(balance), sum(medium_long_balance)
              FROM report_balance_months CROSS JOIN (VALUES (2), (4)) AS d(digits)
             GROUP BY 1, 2, 3, 4, 5, 6, 7
        `);
    await queryRunner.query(`
            ALTER TABLE "report_balance_months"
            ADD CONSTRAINT "report_balance_months_key" UNIQUE NULLS NOT DISTINCT (${KEY})
        `);
    await queryRunner.query(
      `CREATE INDEX "report_balance_months_by_month" ON "report_balance_months" ("region_digits", "dimension", "month", "region_code")`,
    );
    await replaceFunctions(queryRunner, addRows);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await replaceFunctions(queryRunner, addOldRows);
    await queryRunner.query(`DROP INDEX "report_balance_months_by_month"`);
    await queryRunner.query(`ALTER TABLE "report_balance_months" DROP CONSTRAINT "report_balance_months_key"`);
    await queryRunner.query(`DELETE FROM "report_balance_months" WHERE "region_digits" <> 6`);
    await queryRunner.query(`ALTER TABLE "report_balance_months" DROP COLUMN "region_digits"`);
    await queryRunner.query(`
            ALTER TABLE "report_balance_months"
            ADD CONSTRAINT "report_balance_months_key" UNIQUE NULLS NOT DISTINCT (${OLD_KEY})
        `);
    await queryRunner.query(
      `CREATE INDEX "report_balance_months_by_month" ON "report_balance_months" ("dimension", "month", "region_code")`,
    );
  }
}
