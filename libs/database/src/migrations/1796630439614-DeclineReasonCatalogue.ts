import { MigrationInterface, QueryRunner } from 'typeorm';

/** The catalogue as shipped: the reasons banks gave before it (not repairable), and the common repairable ones. */
const SHIPPED: readonly [string, string, string | null, string | null][] = [
  ['outside_credit_policy', '不符合本行授信政策', null, null],
  ['insufficient_collateral', '抵押担保不足', null, null],
  ['credit_risk', '信用风险较高', null, null],
  ['not_our_region', '不在本行服务区域', null, null],
  ['enterprise_unreachable', '无法联系企业', null, null],
  ['other', '其他原因', null, null],
  [
    'tax_arrears',
    '存在欠税',
    '到主管税务部门补缴欠税和滞纳金，取得完税证明后，银行可重新审查。',
    'government_department',
  ],
  [
    'credit_record_error',
    '征信记录有误',
    '向人民银行征信中心提出异议申请，错误记录更正后，银行可重新审查。',
    'government_department',
  ],
  [
    'missing_guarantee',
    '缺少担保',
    '由政府性融资担保机构为企业提供担保，担保落实后，银行可重新审查。',
    'guarantee_institution',
  ],
  ['incomplete_documents', '申请材料不全', '企业按银行的材料清单补齐申请材料后，银行可重新审查。', 'enterprise'],
];

/**
 * The decline-reason catalogue (admin-editable), shipped with the six reasons banks gave before it and four
 * repairable ones, each with its repair path and the kind of organization that repairs it; organizations
 * gain the kinds `government_department` and `guarantee_institution` (the column widened for them).
 */
export class DeclineReasonCatalogue1796630439614 implements MigrationInterface {
  name = 'DeclineReasonCatalogue1796630439614';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "decline_reasons" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "code" character varying(48) NOT NULL,
        "name" text NOT NULL,
        "repairable" boolean NOT NULL DEFAULT false,
        "repair_path" text,
        "repairer_kind" character varying(32),
        CONSTRAINT "decline_reasons_repairable_check" CHECK (
          "repairable" = ("repair_path" IS NOT NULL AND "repairer_kind" IS NOT NULL)
        ),
        CONSTRAINT "decline_reasons_repairer_kind_check" CHECK (
          "repairer_kind" IN ('government_department', 'guarantee_institution', 'enterprise')
        ),
        CONSTRAINT "PK_d876d8c0712810f935622f442dc" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_fc1fec18ea627478bbfc478aaa" ON "decline_reasons" ("code")`);
    for (const [code, name, repairPath, repairerKind] of SHIPPED) {
      await queryRunner.query(
        `INSERT INTO decline_reasons (code, name, repairable, repair_path, repairer_kind) VALUES ($1, $2, $3, $4, $5)`,
        [code, name, repairPath !== null, repairPath, repairerKind],
      );
    }
    await queryRunner.query(`ALTER TABLE organizations ALTER COLUMN "kind" TYPE character varying(32)`);
    await this.kinds(
      queryRunner,
      `'regulator', 'bank', 'institution', 'government_department', 'guarantee_institution'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Reverting requires that no organization is of the new kinds.
    await this.kinds(queryRunner, `'regulator', 'bank', 'institution'`);
    await queryRunner.query(`ALTER TABLE organizations ALTER COLUMN "kind" TYPE character varying(16)`);
    await queryRunner.query(`DROP TABLE "decline_reasons"`);
  }

  private async kinds(queryRunner: QueryRunner, kinds: string): Promise<void> {
    await queryRunner.query(`ALTER TABLE organizations DROP CONSTRAINT "organizations_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE organizations ADD CONSTRAINT "organizations_kind_check" CHECK ("kind" IN (${kinds}))`,
    );
  }
}
