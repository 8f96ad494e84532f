-- the unique keys first: the composite foreign keys below point at them (decision 033)
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_id_tenant" UNIQUE("id","tenant_id");--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_id_tenant" UNIQUE("id","tenant_id");--> statement-breakpoint
ALTER TABLE "contracts" DROP CONSTRAINT "contracts_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "contracts" DROP CONSTRAINT "contracts_supplier_id_suppliers_id_fk";
--> statement-breakpoint
ALTER TABLE "contracts" DROP CONSTRAINT "contracts_policy_version_id_policy_versions_id_fk";
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_tenant_fk" FOREIGN KEY ("supplier_id","tenant_id") REFERENCES "public"."suppliers"("id","tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_policy_tenant_fk" FOREIGN KEY ("policy_version_id","tenant_id") REFERENCES "public"."policy_versions"("id","tenant_id") ON DELETE no action ON UPDATE no action;
