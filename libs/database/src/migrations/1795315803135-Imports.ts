import { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1795315803135 implements MigrationInterface {
  name = 'Imports1795315803135';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "imports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "kind" character varying(16) NOT NULL,
                "status" character varying(16) NOT NULL,
                "format" character varying(8) NOT NULL,
                "filename" text NOT NULL,
                "created_by_user_id" uuid NOT NULL,
                "byte_size" bigint NOT NULL DEFAULT '0',
                "chunk_count" integer NOT NULL DEFAULT '0',
                "run" integer NOT NULL DEFAULT '1',
                "rows_read" integer NOT NULL DEFAULT '0',
                "rows_accepted" integer NOT NULL DEFAULT '0',
                "rows_rejected" integer NOT NULL DEFAULT '0',
                "failure_reason" text,
                "started_at" TIMESTAMP(3) WITH TIME ZONE,
                "finished_at" TIMESTAMP(3) WITH TIME ZONE,
                CONSTRAINT "imports_format_check" CHECK ("format" IN ('csv', 'xlsx')),
                CONSTRAINT "imports_status_check" CHECK (
                    "status" IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "imports_kind_check" CHECK ("kind" IN ('enterprises', 'visits')),
                CONSTRAINT "PK_ea10c62f5eb1d75e83d8b5225db" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3a7262831a9604ceaf44fe0e4a" ON "imports" ("created_by_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "imports_unfinished" ON "imports" ("created_at")
            WHERE "status" IN ('queued', 'running')
        `);
    await queryRunner.query(`
            CREATE TABLE "import_chunks" (
                "import_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "data" bytea NOT NULL,
                CONSTRAINT "PK_17be9951f9d1f93f12d19a577d8" PRIMARY KEY ("import_id", "seq")
            )
        `);
    // Uploaded bytes are stored out of line without compression: most uploads are zipped (xlsx) or
    // compress poorly per chunk, and compressing a million-row upload costs more than it saves.
    await queryRunner.query(`
            ALTER TABLE "import_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL
        `);
    await queryRunner.query(`
            CREATE TABLE "import_errors" (
                "import_id" uuid NOT NULL,
                "row_number" integer NOT NULL,
                "field" character varying(64) NOT NULL,
                "reason" text NOT NULL,
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_bd05b4a21c94dee83ad4b8ab2e0" PRIMARY KEY ("import_id", "row_number")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "imports"
            ADD CONSTRAINT "FK_3a7262831a9604ceaf44fe0e4a4" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "import_chunks"
            ADD CONSTRAINT "FK_063de3b8d36d5e547605d30f87f" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "import_errors"
            ADD CONSTRAINT "FK_9926b1b4a42a17f2792b7852176" FOREIGN KEY ("import_id") REFERENCES "imports"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "import_errors" DROP CONSTRAINT "FK_9926b1b4a42a17f2792b7852176"
        `);
    await queryRunner.query(`
            ALTER TABLE "import_chunks" DROP CONSTRAINT "FK_063de3b8d36d5e547605d30f87f"
        `);
    await queryRunner.query(`
            ALTER TABLE "imports" DROP CONSTRAINT "FK_3a7262831a9604ceaf44fe0e4a4"
        `);
    await queryRunner.query(`
            DROP TABLE "import_errors"
        `);
    await queryRunner.query(`
            DROP TABLE "import_chunks"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."imports_unfinished"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3a7262831a9604ceaf44fe0e4a"
        `);
    await queryRunner.query(`
            DROP TABLE "imports"
        `);
  }
}
