import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795308615682 implements MigrationInterface {
  name = 'Initial1795308615682';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_records" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_user_id" uuid,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "action" text NOT NULL,
                "entity" character varying(48) NOT NULL,
                "entity_id" text,
                "status" smallint NOT NULL,
                "ip" text,
                "user_agent" text,
                "request_id" text,
                CONSTRAINT "PK_f903ebdf175f062be69747b0f18" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_55a894b1dd76e1f3cbe463761c" ON "audit_records" ("actor_user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ceb87e8d3e3d4969c9a807970c" ON "audit_records" ("entity", "entity_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "calendars" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" text NOT NULL,
                "time_zone" text NOT NULL DEFAULT 'Asia/Shanghai',
                "holidays" date array NOT NULL DEFAULT '{}',
                "workdays" date array NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_90dc0330e8ec9028e23c290dee8" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7024cdc3963ab008556834ff7e" ON "calendars" ("name")
        `);
    await queryRunner.query(`
            CREATE TABLE "regions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "code" character varying(6) NOT NULL,
                "name" text NOT NULL,
                "parent_code" character varying(6),
                CONSTRAINT "PK_4fcd12ed6a046276e2deb08801c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_4f6dc5a464961e7c65a395ea4c" ON "regions" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_7241ca7859f4288fb12567dd95" ON "regions" ("parent_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "sla_policies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" text NOT NULL,
                "calendar_id" uuid NOT NULL,
                "claim" character varying(32) NOT NULL DEFAULT '3BD',
                "first_contact" character varying(32) NOT NULL DEFAULT '2BD',
                "decision" character varying(32) NOT NULL DEFAULT '15BD',
                "signing" character varying(32) NOT NULL DEFAULT '10BD',
                "remind_before" character varying(32) NOT NULL DEFAULT '1BD',
                "level_two_after" character varying(32) NOT NULL DEFAULT '3BD',
                "is_default" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_41b6803cef982534243a67b6302" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_7e3384d2ef701a8b52a8027175" ON "sla_policies" ("name")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "sla_policies_one_default" ON "sla_policies" ("is_default")
            WHERE "is_default"
        `);
    await queryRunner.query(`
            CREATE TABLE "campaigns" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" text NOT NULL,
                "kind" character varying(16) NOT NULL,
                "region_code" character varying(6) NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "sla_policy_id" uuid,
                CONSTRAINT "campaigns_dates_check" CHECK ("ends_on" >= "starts_on"),
                CONSTRAINT "campaigns_kind_check" CHECK (
                    "kind" IN ('diagnose_unblock', 'gm_visits', 'other')
                ),
                CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_ea55fe6d0c1a9072bcede0ebb5" ON "campaigns" ("region_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "organizations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "kind" character varying(16) NOT NULL,
                "name" text NOT NULL,
                "region_code" character varying(6) NOT NULL,
                CONSTRAINT "organizations_kind_check" CHECK ("kind" IN ('regulator', 'bank', 'institution')),
                CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_9b7ca6d30b94fef571cff87688" ON "organizations" ("name")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_41adbed686301212d59e56f8cb" ON "organizations" ("kind", "region_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "industrial_chains" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" text NOT NULL,
                "region_code" character varying(6) NOT NULL,
                "lead_bank_id" uuid NOT NULL,
                "deputy_bank_id" uuid NOT NULL,
                CONSTRAINT "PK_10bd5f2c702278e73c76f460dde" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_83260cc62d99a80b31a357f82d" ON "industrial_chains" ("lead_bank_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_aa8712e462c0d40e6c0807f25e" ON "industrial_chains" ("deputy_bank_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_e1044340f485efe3c022dcf32a" ON "industrial_chains" ("region_code", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "enterprises" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "uscc" character varying(18) NOT NULL,
                "name" text NOT NULL,
                "region_code" character varying(6) NOT NULL,
                "chain_id" uuid,
                "chain_role" character varying(16),
                "size" character varying(8) NOT NULL,
                "tags" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "enterprises_chain_role_with_chain_check" CHECK (("chain_id" IS NULL) = ("chain_role" IS NULL)),
                CONSTRAINT "enterprises_chain_role_check" CHECK (
                    "chain_role" IS NULL
                    OR "chain_role" IN ('leader', 'upstream', 'downstream', 'member')
                ),
                CONSTRAINT "enterprises_size_check" CHECK ("size" IN ('micro', 'small', 'medium', 'large')),
                CONSTRAINT "PK_a019e9afe6517b4f2a4588f2cce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_742db30f179e2f58eff84b117a" ON "enterprises" ("uscc")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_f31f5bac12fff21903c5a3e838" ON "enterprises" ("region_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_5068a3b6bd25376eaf383bd9e6" ON "enterprises" ("chain_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "email" text NOT NULL,
                "name" text NOT NULL,
                "role" character varying(16) NOT NULL,
                "organization_id" uuid,
                "region_code" character varying(6),
                "password_hash" text NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "last_login_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "users_scope_check" CHECK (
                    "role" = 'admin'
                    OR (
                        "organization_id" IS NOT NULL
                        AND "region_code" IS NOT NULL
                    )
                ),
                CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email")),
                CONSTRAINT "users_role_check" CHECK (
                    "role" IN (
                        'admin',
                        'field_officer',
                        'bank_manager',
                        'supervisor'
                    )
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_21a659804ed7bf61eb91688dea" ON "users" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "visits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "campaign_id" uuid NOT NULL,
                "enterprise_id" uuid NOT NULL,
                "visited_on" date NOT NULL,
                "kind" character varying(24) NOT NULL,
                "visitor_user_id" uuid NOT NULL,
                "summary" text NOT NULL DEFAULT '',
                "client_ref" character varying(100),
                CONSTRAINT "visits_kind_check" CHECK (
                    "kind" IN (
                        'policy_promotion',
                        'on_site_diagnosis',
                        'gm_visit',
                        'follow_up'
                    )
                ),
                CONSTRAINT "PK_0b0b322289a41015c6ea4e8bf30" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_9cd53dbd41ca2976dde7487e2e" ON "visits" ("campaign_id", "visited_on")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_1c5a373aed2bf712e7146024c1" ON "visits" ("enterprise_id", "visited_on")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "visits_client_ref_per_visitor" ON "visits" ("visitor_user_id", "client_ref")
        `);
    await queryRunner.query(`
            CREATE TABLE "cases" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "number" character varying(32) NOT NULL,
                "enterprise_id" uuid NOT NULL,
                "campaign_id" uuid NOT NULL,
                "origin_visit_id" uuid NOT NULL,
                "requested_amount" numeric(18, 2) NOT NULL,
                "purpose" character varying(24) NOT NULL,
                "term" character varying(16) NOT NULL,
                "bottlenecks" text array NOT NULL DEFAULT '{}',
                "priority" character varying(8) NOT NULL DEFAULT 'normal',
                "status" character varying(16) NOT NULL,
                "routing_tier" smallint,
                "assigned_bank_id" uuid,
                "claimed_by_user_id" uuid,
                "due_at" TIMESTAMP WITH TIME ZONE,
                "intention_amount" numeric(18, 2),
                "signed_amount" numeric(18, 2) NOT NULL DEFAULT '0',
                "escalation_level" smallint NOT NULL DEFAULT '0',
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "cases_escalation_level_check" CHECK ("escalation_level" IN (0, 1, 2)),
                CONSTRAINT "cases_requested_amount_check" CHECK ("requested_amount" > 0),
                CONSTRAINT "cases_routing_tier_check" CHECK (
                    "routing_tier" IS NULL
                    OR "routing_tier" IN (1, 2, 3)
                ),
                CONSTRAINT "cases_priority_check" CHECK ("priority" IN ('normal', 'high', 'urgent')),
                CONSTRAINT "cases_term_check" CHECK ("term" IN ('short', 'medium_long')),
                CONSTRAINT "cases_purpose_check" CHECK (
                    "purpose" IN (
                        'working_capital',
                        'equipment_upgrade',
                        'capacity_expansion',
                        'technology_rd',
                        'trade_finance',
                        'green_transition',
                        'other'
                    )
                ),
                CONSTRAINT "cases_status_check" CHECK (
                    "status" IN (
                        'diagnosed',
                        'assigned',
                        'claimed',
                        'approved',
                        'loan_signed',
                        'closed'
                    )
                ),
                CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_ae60d858083bc354a00442863b" ON "cases" ("number")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e8084fbc26622ed5895a941346" ON "cases" ("enterprise_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_46f810d4d028e41986e6f38f78" ON "cases" ("campaign_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_749b888f37d254ac567b70da40" ON "cases" ("status", "due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_eec0671839c3c9a79a56d3c15d" ON "cases" ("assigned_bank_id", "status", "due_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "seq" BIGSERIAL NOT NULL,
                "case_id" uuid NOT NULL,
                "type" character varying(48) NOT NULL,
                "actor_user_id" uuid,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "PK_61f203ee26b76c6438bbcc7bde6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_519951e2d37bc5cf0fd582f0d5" ON "case_events" ("case_id", "seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "escalations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "case_id" uuid NOT NULL,
                "obligation" character varying(16) NOT NULL,
                "level" smallint NOT NULL,
                "status" character varying(16) NOT NULL DEFAULT 'open',
                "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                "resolution" text,
                CONSTRAINT "escalations_level_check" CHECK ("level" IN (1, 2)),
                CONSTRAINT "escalations_status_check" CHECK ("status" IN ('open', 'acknowledged', 'resolved')),
                CONSTRAINT "escalations_obligation_check" CHECK (
                    "obligation" IN ('claim', 'first_contact', 'decision', 'signing')
                ),
                CONSTRAINT "PK_652a394609addaa4b0f2b3032a1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_272caf654fdb4d65b39204e24d" ON "escalations" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_e3221fa325e3fca243e083a4a4" ON "escalations" ("status", "opened_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "loan_contracts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "case_id" uuid NOT NULL,
                "bank_id" uuid NOT NULL,
                "amount" numeric(18, 2) NOT NULL,
                "annual_rate_pct" numeric(6, 3) NOT NULL,
                "term_months" integer NOT NULL,
                "signed_on" date NOT NULL,
                "contract_no" character varying(64) NOT NULL,
                CONSTRAINT "loan_contracts_term_check" CHECK ("term_months" > 0),
                CONSTRAINT "loan_contracts_amount_check" CHECK ("amount" > 0),
                CONSTRAINT "PK_3b8de2dea55e7a55fc5ca563768" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_641a614581de226247c6129e9c" ON "loan_contracts" ("case_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "IDX_9c435de9c9323f207113600fc7" ON "loan_contracts" ("bank_id", "contract_no")
        `);
    await queryRunner.query(`
            CREATE TABLE "outbox" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "type" character varying(48) NOT NULL,
                "case_id" uuid,
                "run_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "sent_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_8b9823450aa864cf6ff45679e6" ON "outbox" ("case_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "outbox_unsent" ON "outbox" ("run_at")
            WHERE "sent_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
                "user_id" uuid NOT NULL,
                "family_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_3ddc983c5f7bcf132fd8732c3f" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens" ("family_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "industrial_chain_members" (
                "chain_id" uuid NOT NULL,
                "organization_id" uuid NOT NULL,
                CONSTRAINT "PK_db45a814f73ba4d2b51e053a4c2" PRIMARY KEY ("chain_id", "organization_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_15c5cfc6ecbe469e9d105fe1b6" ON "industrial_chain_members" ("chain_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_03015b7c91079bc5959aeb8b8c" ON "industrial_chain_members" ("organization_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "regions"
            ADD CONSTRAINT "FK_7241ca7859f4288fb12567dd959" FOREIGN KEY ("parent_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "sla_policies"
            ADD CONSTRAINT "FK_19ba046d6f085de85f97be9b2ce" FOREIGN KEY ("calendar_id") REFERENCES "calendars"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "campaigns"
            ADD CONSTRAINT "FK_ea55fe6d0c1a9072bcede0ebb5d" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "campaigns"
            ADD CONSTRAINT "FK_484d3dab6bdc6e4d7bb7a04c584" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations"
            ADD CONSTRAINT "FK_c3197e5729ee63b66b923616a1f" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chains"
            ADD CONSTRAINT "FK_a554ed36ad0b4993f9140e7d4a3" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chains"
            ADD CONSTRAINT "FK_83260cc62d99a80b31a357f82dd" FOREIGN KEY ("lead_bank_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chains"
            ADD CONSTRAINT "FK_aa8712e462c0d40e6c0807f25e7" FOREIGN KEY ("deputy_bank_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises"
            ADD CONSTRAINT "FK_f31f5bac12fff21903c5a3e838d" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises"
            ADD CONSTRAINT "FK_5068a3b6bd25376eaf383bd9e6e" FOREIGN KEY ("chain_id") REFERENCES "industrial_chains"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_f6a8ac2795a603f380bd4966816" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD CONSTRAINT "FK_98fcf4944ea810a0ad4961f6938" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD CONSTRAINT "FK_46a1e44273ed3393d0b405952cd" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "visits"
            ADD CONSTRAINT "FK_ca57103659e88a1fdacc73d3656" FOREIGN KEY ("visitor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_e8084fbc26622ed5895a941346a" FOREIGN KEY ("enterprise_id") REFERENCES "enterprises"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_46f810d4d028e41986e6f38f781" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_d6e0e92c6e932832a77a2318ffe" FOREIGN KEY ("origin_visit_id") REFERENCES "visits"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_62f853825924a01aa4667bf1dbf" FOREIGN KEY ("assigned_bank_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "cases"
            ADD CONSTRAINT "FK_19d0cf7152f83f5ee5b4b63812a" FOREIGN KEY ("claimed_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_events"
            ADD CONSTRAINT "FK_259dbf949114e25670ac6cad205" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations"
            ADD CONSTRAINT "FK_272caf654fdb4d65b39204e24d2" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD CONSTRAINT "FK_641a614581de226247c6129e9cf" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts"
            ADD CONSTRAINT "FK_601b98cd62246b8402002d390fd" FOREIGN KEY ("bank_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chain_members"
            ADD CONSTRAINT "FK_15c5cfc6ecbe469e9d105fe1b6f" FOREIGN KEY ("chain_id") REFERENCES "industrial_chains"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chain_members"
            ADD CONSTRAINT "FK_03015b7c91079bc5959aeb8b8c1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "industrial_chain_members" DROP CONSTRAINT "FK_03015b7c91079bc5959aeb8b8c1"
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chain_members" DROP CONSTRAINT "FK_15c5cfc6ecbe469e9d105fe1b6f"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP CONSTRAINT "FK_601b98cd62246b8402002d390fd"
        `);
    await queryRunner.query(`
            ALTER TABLE "loan_contracts" DROP CONSTRAINT "FK_641a614581de226247c6129e9cf"
        `);
    await queryRunner.query(`
            ALTER TABLE "escalations" DROP CONSTRAINT "FK_272caf654fdb4d65b39204e24d2"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_events" DROP CONSTRAINT "FK_259dbf949114e25670ac6cad205"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_19d0cf7152f83f5ee5b4b63812a"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_62f853825924a01aa4667bf1dbf"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_d6e0e92c6e932832a77a2318ffe"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_46f810d4d028e41986e6f38f781"
        `);
    await queryRunner.query(`
            ALTER TABLE "cases" DROP CONSTRAINT "FK_e8084fbc26622ed5895a941346a"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP CONSTRAINT "FK_ca57103659e88a1fdacc73d3656"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP CONSTRAINT "FK_46a1e44273ed3393d0b405952cd"
        `);
    await queryRunner.query(`
            ALTER TABLE "visits" DROP CONSTRAINT "FK_98fcf4944ea810a0ad4961f6938"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_f6a8ac2795a603f380bd4966816"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises" DROP CONSTRAINT "FK_5068a3b6bd25376eaf383bd9e6e"
        `);
    await queryRunner.query(`
            ALTER TABLE "enterprises" DROP CONSTRAINT "FK_f31f5bac12fff21903c5a3e838d"
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chains" DROP CONSTRAINT "FK_aa8712e462c0d40e6c0807f25e7"
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chains" DROP CONSTRAINT "FK_83260cc62d99a80b31a357f82dd"
        `);
    await queryRunner.query(`
            ALTER TABLE "industrial_chains" DROP CONSTRAINT "FK_a554ed36ad0b4993f9140e7d4a3"
        `);
    await queryRunner.query(`
            ALTER TABLE "organizations" DROP CONSTRAINT "FK_c3197e5729ee63b66b923616a1f"
        `);
    await queryRunner.query(`
            ALTER TABLE "campaigns" DROP CONSTRAINT "FK_484d3dab6bdc6e4d7bb7a04c584"
        `);
    await queryRunner.query(`
            ALTER TABLE "campaigns" DROP CONSTRAINT "FK_ea55fe6d0c1a9072bcede0ebb5d"
        `);
    await queryRunner.query(`
            ALTER TABLE "sla_policies" DROP CONSTRAINT "FK_19ba046d6f085de85f97be9b2ce"
        `);
    await queryRunner.query(`
            ALTER TABLE "regions" DROP CONSTRAINT "FK_7241ca7859f4288fb12567dd959"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_03015b7c91079bc5959aeb8b8c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_15c5cfc6ecbe469e9d105fe1b6"
        `);
    await queryRunner.query(`
            DROP TABLE "industrial_chain_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_3ddc983c5f7bcf132fd8732c3f"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."outbox_unsent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_8b9823450aa864cf6ff45679e6"
        `);
    await queryRunner.query(`
            DROP TABLE "outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9c435de9c9323f207113600fc7"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_641a614581de226247c6129e9c"
        `);
    await queryRunner.query(`
            DROP TABLE "loan_contracts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e3221fa325e3fca243e083a4a4"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_272caf654fdb4d65b39204e24d"
        `);
    await queryRunner.query(`
            DROP TABLE "escalations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_519951e2d37bc5cf0fd582f0d5"
        `);
    await queryRunner.query(`
            DROP TABLE "case_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_eec0671839c3c9a79a56d3c15d"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_749b888f37d254ac567b70da40"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_46f810d4d028e41986e6f38f78"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e8084fbc26622ed5895a941346"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ae60d858083bc354a00442863b"
        `);
    await queryRunner.query(`
            DROP TABLE "cases"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."visits_client_ref_per_visitor"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_1c5a373aed2bf712e7146024c1"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9cd53dbd41ca2976dde7487e2e"
        `);
    await queryRunner.query(`
            DROP TABLE "visits"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_21a659804ed7bf61eb91688dea"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_5068a3b6bd25376eaf383bd9e6"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_f31f5bac12fff21903c5a3e838"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_742db30f179e2f58eff84b117a"
        `);
    await queryRunner.query(`
            DROP TABLE "enterprises"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_e1044340f485efe3c022dcf32a"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_aa8712e462c0d40e6c0807f25e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_83260cc62d99a80b31a357f82d"
        `);
    await queryRunner.query(`
            DROP TABLE "industrial_chains"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_41adbed686301212d59e56f8cb"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_9b7ca6d30b94fef571cff87688"
        `);
    await queryRunner.query(`
            DROP TABLE "organizations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ea55fe6d0c1a9072bcede0ebb5"
        `);
    await queryRunner.query(`
            DROP TABLE "campaigns"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."sla_policies_one_default"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7e3384d2ef701a8b52a8027175"
        `);
    await queryRunner.query(`
            DROP TABLE "sla_policies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7241ca7859f4288fb12567dd95"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_4f6dc5a464961e7c65a395ea4c"
        `);
    await queryRunner.query(`
            DROP TABLE "regions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_7024cdc3963ab008556834ff7e"
        `);
    await queryRunner.query(`
            DROP TABLE "calendars"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_ceb87e8d3e3d4969c9a807970c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_55a894b1dd76e1f3cbe463761c"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_records"
        `);
  }
}
