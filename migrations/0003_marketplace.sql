CREATE TABLE "initiative_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"expertise" text,
	"description" text NOT NULL,
	"quantity" numeric(14, 2),
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"initiative_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"hours" numeric(12, 2),
	"amount_cents" bigint,
	"period" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"delivered_hours" numeric(12, 2),
	"delivered_amount_cents" bigint,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"activity_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "status" text DEFAULT 'draft' NOT NULL;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "initiatives" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "initiative_needs" ADD CONSTRAINT "initiative_needs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_needs" ADD CONSTRAINT "initiative_needs_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_needs_initiative" ON "initiative_needs" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "pledges_tenant_initiative" ON "pledges" USING btree ("tenant_id","initiative_id");--> statement-breakpoint
CREATE INDEX "pledges_tenant_supplier" ON "pledges" USING btree ("tenant_id","supplier_id");--> statement-breakpoint
-- Existing profiles keep their approval and their needs (moved from the jsonb column to rows).
UPDATE "initiatives" SET "status" = 'approved' WHERE "approved";--> statement-breakpoint
INSERT INTO "initiative_needs" ("tenant_id", "initiative_id", "kind", "expertise", "description", "quantity", "position")
SELECT i."tenant_id", i."id", coalesce(e.n->>'kind', 'hours'), e.n->>'expertise',
  coalesce(e.n->>'description', e.n->>'expertise', ''),
  CASE WHEN (e.n->>'hours') ~ '^[0-9]+(\.[0-9]{1,2})?$' THEN (e.n->>'hours')::numeric END, (e.ord - 1)::int
FROM "initiatives" i, jsonb_array_elements(CASE WHEN jsonb_typeof(i."needs") = 'array' THEN i."needs" ELSE '[]'::jsonb END) WITH ORDINALITY AS e(n, ord);--> statement-breakpoint
ALTER TABLE "initiatives" DROP COLUMN "needs";--> statement-breakpoint
ALTER TABLE "initiatives" DROP COLUMN "approved";