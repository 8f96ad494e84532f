CREATE TABLE "contract_verifiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_verifiers_contract_user" UNIQUE("contract_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "contract_verifiers" ADD CONSTRAINT "contract_verifiers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_verifiers" ADD CONSTRAINT "contract_verifiers_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_verifiers" ADD CONSTRAINT "contract_verifiers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_verifiers_user" ON "contract_verifiers" USING btree ("user_id","contract_id");--> statement-breakpoint
-- Assigning a verifier changes which contracts their portfolio holds: it changes the portfolio stamp (decision 025).
CREATE TRIGGER contract_verifiers_portfolio_insert AFTER INSERT ON contract_verifiers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contract_verifiers_portfolio_delete AFTER DELETE ON contract_verifiers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
