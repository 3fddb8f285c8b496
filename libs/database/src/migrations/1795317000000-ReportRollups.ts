import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Report rollups (see README, "Dashboards at province scale"): figures per campaign and day, broken down
 * by one dimension at a time (region, chain, bank), the days each enterprise was visited or financed as a
 * bitmap, and the days whose figures are stale. Statement-level triggers mark a day stale in the same
 * transaction that changes its rows; the `reports` refresh recomputes stale days from the base tables.
 */
export class ReportRollups1795317000000 implements MigrationInterface {
  name = 'ReportRollups1795317000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_dirty_days (
        seq bigserial PRIMARY KEY,
        campaign_id uuid NOT NULL,
        day date NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE report_day_figures (
        campaign_id uuid NOT NULL,
        day date NOT NULL,
        kind char(1) NOT NULL CHECK (kind IN ('r', 'c', 'b', 't', 'C', 'T')),
        key text NOT NULL,
        visits integer NOT NULL DEFAULT 0,
        n_diagnosed integer NOT NULL DEFAULT 0,
        n_assigned integer NOT NULL DEFAULT 0,
        n_claimed integer NOT NULL DEFAULT 0,
        n_approved integer NOT NULL DEFAULT 0,
        n_loan_signed integer NOT NULL DEFAULT 0,
        n_closed integer NOT NULL DEFAULT 0,
        intention_amount numeric(20, 2) NOT NULL DEFAULT 0,
        bottlenecks jsonb NOT NULL DEFAULT '{}',
        claims_met integer NOT NULL DEFAULT 0,
        claims_missed integer NOT NULL DEFAULT 0,
        claim_days jsonb NOT NULL DEFAULT '{}',
        signed_amount numeric(20, 2) NOT NULL DEFAULT 0,
        signed_count integer NOT NULL DEFAULT 0,
        long_term_amount numeric(20, 2) NOT NULL DEFAULT 0,
        leader_amount numeric(20, 2) NOT NULL DEFAULT 0,
        signing_days jsonb NOT NULL DEFAULT '{}',
        bank_claims integer NOT NULL DEFAULT 0,
        bank_claims_on_time integer NOT NULL DEFAULT 0,
        bank_declines integer NOT NULL DEFAULT 0,
        bank_escalations integer NOT NULL DEFAULT 0,
        -- Distinct enterprises over the whole campaign: the all-days rows ('C', 'T') only.
        enterprises_visited integer NOT NULL DEFAULT 0,
        enterprises_financed integer NOT NULL DEFAULT 0,
        PRIMARY KEY (campaign_id, kind, day, key)
      )`);
    for (const table of ['report_visit_presence', 'report_loan_presence']) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          campaign_id uuid NOT NULL,
          enterprise_id uuid NOT NULL,
          region_code varchar(6) NOT NULL,
          chain_key text NOT NULL,
          epoch date NOT NULL,
          days varbit NOT NULL,
          -- The enterprise has more than one row in the campaign (its visits carry more than one region):
          -- only such rows need a DISTINCT to count enterprises.
          shared boolean NOT NULL DEFAULT false,
          PRIMARY KEY (campaign_id, enterprise_id, region_code, chain_key)
        )`);
    }
    await queryRunner.query(`
      CREATE TABLE report_refresh_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        refreshed_at timestamptz NOT NULL
      )`);
    // Never refreshed: the first refresh looks at every claim deadline that has passed.
    await queryRunner.query(`INSERT INTO report_refresh_state (id, refreshed_at) VALUES (1, '-infinity')`);

    // The union of two day bitmaps, each starting at its own epoch (bit 0 is the epoch day).
    await queryRunner.query(`
      CREATE FUNCTION report_days_union(e1 date, b1 varbit, e2 date, b2 varbit) RETURNS varbit
      LANGUAGE sql IMMUTABLE AS $$
        SELECT rpad(x, w, '0')::varbit | rpad(y, w, '0')::varbit
          FROM (SELECT x, y, greatest(length(x), length(y)) AS w
                  FROM (SELECT repeat('0', e1 - least(e1, e2)) || b1::text AS x,
                               repeat('0', e2 - least(e1, e2)) || b2::text AS y) s) t
      $$`);

    // Statement-level triggers: one INSERT per statement, whatever its row count (COPY included).
    const mark = async (name: string, table: string, events: string[], select: string): Promise<void> => {
      await queryRunner.query(`
        CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO report_dirty_days (campaign_id, day) ${select};
          RETURN NULL;
        END $$`);
      for (const event of events) {
        await queryRunner.query(`
          CREATE TRIGGER ${name}_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
      }
    };
    await mark('report_mark_visits', 'visits', ['INSERT'], 'SELECT DISTINCT campaign_id, visited_on FROM changed');
    await mark(
      'report_mark_cases',
      'cases',
      ['INSERT', 'UPDATE'],
      `SELECT DISTINCT campaign_id, (created_at AT TIME ZONE 'Asia/Shanghai')::date FROM changed`,
    );
    await mark(
      'report_mark_loans',
      'loan_contracts',
      ['INSERT', 'UPDATE'],
      `SELECT DISTINCT c.campaign_id, l.signed_on FROM changed l JOIN cases c ON c.id = l.case_id`,
    );
    await mark(
      'report_mark_escalations',
      'escalations',
      ['INSERT'],
      `SELECT DISTINCT c.campaign_id, (c.created_at AT TIME ZONE 'Asia/Shanghai')::date
         FROM changed x JOIN cases c ON c.id = x.case_id`,
    );
    // An enterprise moved to another chain, region or role changes the days of all its visits and loans (its
    // cases keep the chain and region they were diagnosed in). Its presence rows are rebuilt from those days.
    await queryRunner.query(`
      CREATE FUNCTION report_mark_enterprise() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.chain_id IS DISTINCT FROM OLD.chain_id OR NEW.chain_role IS DISTINCT FROM OLD.chain_role
           OR NEW.region_code IS DISTINCT FROM OLD.region_code THEN
          INSERT INTO report_dirty_days (campaign_id, day)
            SELECT DISTINCT campaign_id, visited_on FROM visits WHERE enterprise_id = NEW.id
            UNION SELECT DISTINCT c.campaign_id, l.signed_on FROM loan_contracts l JOIN cases c ON c.id = l.case_id
                   WHERE c.enterprise_id = NEW.id;
          DELETE FROM report_visit_presence WHERE enterprise_id = NEW.id;
          DELETE FROM report_loan_presence WHERE enterprise_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER report_mark_enterprise AFTER UPDATE ON enterprises
      FOR EACH ROW EXECUTE FUNCTION report_mark_enterprise()`);

    // A bank manager's distinct enterprises visited, answered from the index alone.
    await queryRunner.query(`
      CREATE INDEX visits_by_visitor_org ON visits (campaign_id, visitor_organization_id, visited_on, enterprise_id)`);
    // The refresh reads a day's cases (by their diagnosis day in Shanghai) and a day's contracts.
    await queryRunner.query(`
      CREATE INDEX cases_by_campaign_day ON cases (campaign_id, ((created_at AT TIME ZONE 'Asia/Shanghai')::date))`);
    await queryRunner.query(`CREATE INDEX loan_contracts_by_day ON loan_contracts (signed_on)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX loan_contracts_by_day`);
    await queryRunner.query(`DROP INDEX cases_by_campaign_day`);
    await queryRunner.query(`DROP INDEX visits_by_visitor_org`);
    await queryRunner.query(`DROP TRIGGER report_mark_enterprise ON enterprises`);
    await queryRunner.query(`DROP FUNCTION report_mark_enterprise()`);
    for (const [name, table, events] of [
      ['report_mark_visits', 'visits', ['insert']],
      ['report_mark_cases', 'cases', ['insert', 'update']],
      ['report_mark_loans', 'loan_contracts', ['insert', 'update']],
      ['report_mark_escalations', 'escalations', ['insert']],
    ] as const) {
      for (const event of events) await queryRunner.query(`DROP TRIGGER ${name}_${event} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${name}()`);
    }
    await queryRunner.query(`DROP FUNCTION report_days_union(date, varbit, date, varbit)`);
    for (const table of [
      'report_refresh_state',
      'report_loan_presence',
      'report_visit_presence',
      'report_day_figures',
      'report_dirty_days',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
