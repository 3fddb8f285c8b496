import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visits' client references compare byte by byte (collation "C"). A reference is an opaque key a phone or a file
 * chose: only equality matters, and the unique index `(visitor_user_id, client_ref, visited_on)` that every
 * visit enters was comparing it through the database's locale. The index is rebuilt; the rows are not rewritten.
 */
export class ClientRefBytewise1796670000000 implements MigrationInterface {
  name = 'ClientRefBytewise1796670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE visits ALTER COLUMN client_ref TYPE varchar(100) COLLATE "C"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE visits ALTER COLUMN client_ref TYPE varchar(100) COLLATE "default"`);
  }
}
