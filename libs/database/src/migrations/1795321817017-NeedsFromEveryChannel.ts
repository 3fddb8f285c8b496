import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs from every channel: a case's `source` (visit, phone, list, enterprise), its origin visit only for a
 * need found on a visit, and the row key of a need imported from a 申报清单 (a re-sent file adds nothing).
 * An import of needs may name its campaign once for the whole file. The report rollups count needs by
 * source, and the enterprises with a need (distinct) from per-enterprise day bitmaps and presence sets
 * ('n'), as they count enterprises visited and financed; every case day is marked for the next refresh.
 */
export class NeedsFromEveryChannel1795321817017 implements MigrationInterface {
  name = 'NeedsFromEveryChannel1795321817017';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE cases
        ADD source varchar(16) NOT NULL DEFAULT 'visit',
        ADD intake_key varchar(64),
        ALTER COLUMN origin_visit_id DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT "cases_source_check" CHECK ("source" IN ('visit', 'phone', 'list', 'enterprise'))`);
    await queryRunner.query(`
      ALTER TABLE cases ADD CONSTRAINT "cases_origin_visit_check" CHECK (("source" = 'visit') = ("origin_visit_id" IS NOT NULL))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "cases_intake_key" ON cases (intake_key)`);

    await queryRunner.query(`ALTER TABLE imports ADD campaign_id uuid`);
    await queryRunner.query(`ALTER TABLE imports DROP CONSTRAINT "imports_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE imports ADD CONSTRAINT "imports_kind_check" CHECK ("kind" IN ('enterprises', 'visits', 'needs'))`,
    );

    await queryRunner.query(`
      ALTER TABLE report_day_figures
        ADD n_source_visit integer NOT NULL DEFAULT 0,
        ADD n_source_phone integer NOT NULL DEFAULT 0,
        ADD n_source_list integer NOT NULL DEFAULT 0,
        ADD n_source_enterprise integer NOT NULL DEFAULT 0,
        ADD enterprises_with_need integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE TABLE report_need_presence (
        campaign_id uuid NOT NULL,
        enterprise_id uuid NOT NULL,
        region_code varchar(6) NOT NULL,
        chain_key text NOT NULL,
        epoch date NOT NULL,
        days varbit NOT NULL,
        shared boolean NOT NULL DEFAULT false,
        PRIMARY KEY (campaign_id, enterprise_id, region_code, chain_key)
      )`);
    await queryRunner.query(
      `CREATE INDEX report_need_presence_by_region ON report_need_presence (campaign_id, region_code)`,
    );
    await queryRunner.query(`ALTER TABLE report_presence_sets DROP CONSTRAINT report_presence_sets_measure_check`);
    await queryRunner.query(
      `ALTER TABLE report_presence_sets ADD CONSTRAINT report_presence_sets_measure_check CHECK (measure IN ('v', 'l', 'n'))`,
    );
    // The new figures are filled by the next refresh of every day with cases.
    await queryRunner.query(`
      INSERT INTO report_dirty_days (campaign_id, day)
      SELECT DISTINCT campaign_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM cases`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM report_presence_sets WHERE measure = 'n'`);
    await queryRunner.query(`ALTER TABLE report_presence_sets DROP CONSTRAINT report_presence_sets_measure_check`);
    await queryRunner.query(
      `ALTER TABLE report_presence_sets ADD CONSTRAINT report_presence_sets_measure_check CHECK (measure IN ('v', 'l'))`,
    );
    await queryRunner.query(`DROP TABLE report_need_presence`);
    await queryRunner.query(`
      ALTER TABLE report_day_figures
        DROP COLUMN enterprises_with_need, DROP COLUMN n_source_enterprise, DROP COLUMN n_source_list,
        DROP COLUMN n_source_phone, DROP COLUMN n_source_visit`);
    await queryRunner.query(`ALTER TABLE imports DROP CONSTRAINT "imports_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE imports ADD CONSTRAINT "imports_kind_check" CHECK ("kind" IN ('enterprises', 'visits'))`,
    );
    await queryRunner.query(`ALTER TABLE imports DROP COLUMN campaign_id`);
    await queryRunner.query(`DROP INDEX "cases_intake_key"`);
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT "cases_origin_visit_check"`);
    await queryRunner.query(`ALTER TABLE cases DROP CONSTRAINT "cases_source_check"`);
    // Needs from other channels have no visit to go back to: reverting requires that there are none.
    await queryRunner.query(`
      ALTER TABLE cases ALTER COLUMN origin_visit_id SET NOT NULL, DROP COLUMN intake_key, DROP COLUMN source`);
  }
}
