import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily bulletins (日通报, issue 18): one per supervisor's region and day reported on (yesterday in
 * Shanghai when written in the morning), its content kept whole as written; and each campaign's laggard
 * thresholds (the shares under which a region or bank is listed as lagging).
 */
export class Bulletins1796648394419 implements MigrationInterface {
  name = 'Bulletins1796648394419';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "bulletins" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "region_code" character varying(6) NOT NULL,
                "day" date NOT NULL,
                "content" jsonb NOT NULL,
                CONSTRAINT "PK_bulletins_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_bulletins_region_day" ON "bulletins" ("region_code", "day")
        `);
    await queryRunner.query(`
            ALTER TABLE "bulletins"
            ADD CONSTRAINT "FK_bulletins_region" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "campaigns"
            ADD "laggard_thresholds" jsonb NOT NULL DEFAULT '{}'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "laggard_thresholds"`);
    await queryRunner.query(`ALTER TABLE "bulletins" DROP CONSTRAINT "FK_bulletins_region"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bulletins_region_day"`);
    await queryRunner.query(`DROP TABLE "bulletins"`);
  }
}
