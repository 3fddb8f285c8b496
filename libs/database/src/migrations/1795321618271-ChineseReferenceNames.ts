import { MigrationInterface, QueryRunner } from 'typeorm';

/** The calendar and the SLA policy the migrations ship take the Chinese names their readers use. */
export class ChineseReferenceNames1795321618271 implements MigrationInterface {
  name = 'ChineseReferenceNames1795321618271';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE calendars SET name = $1 WHERE name = $2`, [
      '中国大陆法定工作日历（2025–2026）',
      'China (mainland) 2025-2026',
    ]);
    await queryRunner.query(`UPDATE sla_policies SET name = $1 WHERE name = $2 AND is_default`, [
      '默认时限规则',
      'Default',
    ]);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE sla_policies SET name = $1 WHERE name = $2 AND is_default`, [
      'Default',
      '默认时限规则',
    ]);
    await queryRunner.query(`UPDATE calendars SET name = $1 WHERE name = $2`, [
      'China (mainland) 2025-2026',
      '中国大陆法定工作日历（2025–2026）',
    ]);
  }
}
