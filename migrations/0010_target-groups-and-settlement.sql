CREATE TABLE "settlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"obligation_cents" bigint NOT NULL,
	"verified_cents" bigint NOT NULL,
	"carried_in_cents" bigint DEFAULT 0 NOT NULL,
	"shortfall_cents" bigint NOT NULL,
	"computed_penalty_cents" bigint NOT NULL,
	"penalty_factor_bp" integer,
	"decision" text NOT NULL,
	"penalty_cents" bigint NOT NULL,
	"note" text NOT NULL,
	"explanation" text NOT NULL,
	"explanation_nl" text NOT NULL,
	"carry_over_contract_id" uuid,
	"carry_over_cents" bigint,
	"carry_over_reason" text,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlements_contract" UNIQUE("contract_id")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "bonuses" jsonb;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "counted_months" numeric(6, 2);--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlements" ADD CONSTRAINT "settlements_carry_over_contract_id_contracts_id_fk" FOREIGN KEY ("carry_over_contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "settlements_carry_over" ON "settlements" USING btree ("carry_over_contract_id");