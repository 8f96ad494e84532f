CREATE TABLE "contract_invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"period" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_invoices_contract_period" UNIQUE("contract_id","period")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "max_extent_date" date;--> statement-breakpoint
ALTER TABLE "contract_invoices" ADD CONSTRAINT "contract_invoices_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_invoices" ADD CONSTRAINT "contract_invoices_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Invoiced amounts move a framework contract's obligation and pace: they change the portfolio stamp (decision 025).
CREATE TRIGGER contract_invoices_portfolio_insert AFTER INSERT ON contract_invoices REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contract_invoices_portfolio_update AFTER UPDATE ON contract_invoices REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contract_invoices_portfolio_delete AFTER DELETE ON contract_invoices REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
