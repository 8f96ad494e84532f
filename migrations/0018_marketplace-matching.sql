CREATE TABLE "supplier_strengths" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expertise" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hours_capacity" numeric(12, 2),
	"goods_capacity" integer,
	"money_capacity_cents" bigint,
	"places_capacity" integer,
	"themes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiative_needs" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "pledges" ADD COLUMN "need_id" uuid;--> statement-breakpoint
ALTER TABLE "supplier_strengths" ADD CONSTRAINT "supplier_strengths_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_strengths" ADD CONSTRAINT "supplier_strengths_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_strengths_supplier" ON "supplier_strengths" USING btree ("tenant_id","supplier_id");--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_need_id_initiative_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."initiative_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pledges_need" ON "pledges" USING btree ("need_id");--> statement-breakpoint
-- hand-written below
-- Pledges made before needs had stable ids: tie each to its initiative's need when exactly one need
-- of that initiative fits the pledge's kind (a place is pledged as goods); otherwise leave it open.
UPDATE "pledges" p SET "need_id" = (
  SELECT n."id" FROM "initiative_needs" n
  WHERE n."tenant_id" = p."tenant_id" AND n."initiative_id" = p."initiative_id"
    AND (n."kind" = p."kind" OR (p."kind" = 'goods' AND n."kind" = 'place'))
)
WHERE p."need_id" IS NULL AND (
  SELECT count(*) FROM "initiative_needs" n
  WHERE n."tenant_id" = p."tenant_id" AND n."initiative_id" = p."initiative_id"
    AND (n."kind" = p."kind" OR (p."kind" = 'goods' AND n."kind" = 'place'))
) = 1;
