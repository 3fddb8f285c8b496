import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole funnel in the report rollups: needs that reached a claim (对接), an approval (授信) and a signed
 * contract (放款) whatever their status now, and the declines by their catalogue reason (a histogram, reason →
 * declines); and region rows over all the campaign's days ('R', as 'C' and 'T'), which the summary's funnel per
 * child region reads. Every case day is marked for the next refresh.
 */
export class ReportFunnel1796631500000 implements MigrationInterface {
  name = 'ReportFunnel1796631500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE report_day_figures
        ADD n_reached_claimed integer NOT NULL DEFAULT 0,
        ADD n_reached_approved integer NOT NULL DEFAULT 0,
        ADD n_reached_signed integer NOT NULL DEFAULT 0,
        ADD n_declines integer NOT NULL DEFAULT 0,
        ADD declines jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE report_day_figures DROP CONSTRAINT report_day_figures_kind_check`);
    await queryRunner.query(`
      ALTER TABLE report_day_figures ADD CONSTRAINT report_day_figures_kind_check
        CHECK (kind IN ('r', 'c', 'b', 't', 'R', 'C', 'T'))`);
    // The per-chain reports count each chain's leaders: from an index of them alone.
    await queryRunner.query(
      `CREATE INDEX "enterprises_chain_leaders" ON "enterprises" ("chain_id") WHERE "chain_role" = 'leader'`,
    );
    await queryRunner.query(`
      INSERT INTO report_dirty_days (campaign_id, day)
      SELECT DISTINCT campaign_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM cases
      ON CONFLICT DO NOTHING`);
    // A day of every campaign with figures, so that the refresh writes its all-days region rows.
    await queryRunner.query(`
      INSERT INTO report_dirty_days (campaign_id, day)
      SELECT campaign_id, min(day) FROM report_day_figures WHERE kind = 't' AND day > '-infinity' GROUP BY campaign_id
      ON CONFLICT DO NOTHING`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."enterprises_chain_leaders"`);
    await queryRunner.query(`DELETE FROM report_day_figures WHERE kind = 'R'`);
    await queryRunner.query(`ALTER TABLE report_day_figures DROP CONSTRAINT report_day_figures_kind_check`);
    await queryRunner.query(`
      ALTER TABLE report_day_figures ADD CONSTRAINT report_day_figures_kind_check
        CHECK (kind IN ('r', 'c', 'b', 't', 'C', 'T'))`);
    await queryRunner.query(`
      ALTER TABLE report_day_figures
        DROP n_reached_claimed, DROP n_reached_approved, DROP n_reached_signed, DROP n_declines, DROP declines`);
  }
}
