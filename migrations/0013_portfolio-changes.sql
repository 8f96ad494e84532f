CREATE TABLE "portfolio_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "portfolio_changes_tenant" ON "portfolio_changes" USING btree ("tenant_id","id");--> statement-breakpoint
-- Every statement that changes what a portfolio view shows notes the tenants it touched (one row per
-- tenant and statement; insert only, so concurrent writers never wait for each other). The clock time
-- (not the transaction's start) dates the row for pruning.
CREATE FUNCTION retour_note_portfolio_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO portfolio_changes (tenant_id, at) SELECT DISTINCT tenant_id, clock_timestamp() FROM new_rows WHERE tenant_id IS NOT NULL;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO portfolio_changes (tenant_id, at) SELECT DISTINCT tenant_id, clock_timestamp() FROM old_rows WHERE tenant_id IS NOT NULL;
  ELSE
    INSERT INTO portfolio_changes (tenant_id, at)
      SELECT t, clock_timestamp() FROM (SELECT tenant_id FROM new_rows UNION SELECT tenant_id FROM old_rows) x(t) WHERE t IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contracts_portfolio_insert AFTER INSERT ON contracts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contracts_portfolio_update AFTER UPDATE ON contracts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contracts_portfolio_delete AFTER DELETE ON contracts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contract_extensions_portfolio_insert AFTER INSERT ON contract_extensions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contract_extensions_portfolio_update AFTER UPDATE ON contract_extensions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER contract_extensions_portfolio_delete AFTER DELETE ON contract_extensions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER suppliers_portfolio_insert AFTER INSERT ON suppliers REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER suppliers_portfolio_update AFTER UPDATE ON suppliers REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER suppliers_portfolio_delete AFTER DELETE ON suppliers REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER policy_versions_portfolio_insert AFTER INSERT ON policy_versions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER policy_versions_portfolio_update AFTER UPDATE ON policy_versions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER policy_versions_portfolio_delete AFTER DELETE ON policy_versions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER progress_sums_portfolio_insert AFTER INSERT ON progress_sums REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER progress_sums_portfolio_update AFTER UPDATE ON progress_sums REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
--> statement-breakpoint
CREATE TRIGGER progress_sums_portfolio_delete AFTER DELETE ON progress_sums REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION retour_note_portfolio_change();
