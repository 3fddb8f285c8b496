import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Distinct enterprises over any period, fast (see README, "Dashboards at province scale"): each enterprise
 * gets a dense ordinal in the space of all enterprises and in the space of its chain, and the report refresh
 * keeps, per campaign and day and per campaign and month, the set of enterprises visited (or financed) as a
 * bitmap over those ordinals: in total, per bank (all-enterprise space) and per chain (the chain's space).
 * A period is whole months plus edge days, so its distinct enterprises are the bits of the union of at
 * most ~60 bitmaps. The region columns of the per-enterprise day bitmaps get an index, for a city's figures.
 */
export class ReportPresenceSets1795319500000 implements MigrationInterface {
  name = 'ReportPresenceSets1795319500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_enterprise_ordinals (
        -- 't': every enterprise; 'c:' and a chain key: the enterprises of that chain ('c:' none).
        space text NOT NULL,
        enterprise_id uuid NOT NULL,
        ordinal integer NOT NULL,
        PRIMARY KEY (space, enterprise_id),
        UNIQUE (space, ordinal)
      )`);
    await queryRunner.query(`
      CREATE TABLE report_presence_sets (
        campaign_id uuid NOT NULL,
        -- 'v': enterprises visited (by the visit's day); 'l': financed (by the contract's signing day).
        measure char(1) NOT NULL CHECK (measure IN ('v', 'l')),
        -- 't': in total; 'b': per bank (the visitor's organization, the contract's bank); 'c': per chain.
        kind char(1) NOT NULL CHECK (kind IN ('t', 'b', 'c')),
        key text NOT NULL,
        -- 'd': the day 'period'; 'm': the month starting on 'period'.
        grain char(1) NOT NULL CHECK (grain IN ('d', 'm')),
        period date NOT NULL,
        -- Bit i (byte i / 8, bit i % 8 from the least significant) is the enterprise of ordinal i.
        bits bytea NOT NULL,
        PRIMARY KEY (campaign_id, measure, kind, key, grain, period)
      )`);
    await queryRunner.query(
      `CREATE INDEX report_visit_presence_by_region ON report_visit_presence (campaign_id, region_code)`,
    );
    await queryRunner.query(
      `CREATE INDEX report_loan_presence_by_region ON report_loan_presence (campaign_id, region_code)`,
    );
    // The sets are filled by the next refresh of every day that has figures.
    await queryRunner.query(`
      INSERT INTO report_dirty_days (campaign_id, day)
      SELECT DISTINCT campaign_id, day FROM report_day_figures WHERE kind = 't'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX report_loan_presence_by_region`);
    await queryRunner.query(`DROP INDEX report_visit_presence_by_region`);
    await queryRunner.query(`DROP TABLE report_presence_sets`);
    await queryRunner.query(`DROP TABLE report_enterprise_ordinals`);
  }
}
