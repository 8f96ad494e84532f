-- the unique key first: the composite foreign keys below point at it (decision 032)
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_id_tenant" UNIQUE("id","tenant_id");
--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_contract_id_contracts_id_fk";
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "reports" DROP CONSTRAINT "reports_contract_id_contracts_id_fk";
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_contract_tenant_fk" FOREIGN KEY ("contract_id","tenant_id") REFERENCES "public"."contracts"("id","tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_contract_tenant_fk" FOREIGN KEY ("contract_id","tenant_id") REFERENCES "public"."contracts"("id","tenant_id") ON DELETE no action ON UPDATE no action;
