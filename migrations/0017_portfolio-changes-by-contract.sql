ALTER TABLE "portfolio_changes" ADD COLUMN "contract_id" uuid;--> statement-breakpoint
-- A change note names the contract a statement changed (decision 025, incremental snapshots): one row
-- per tenant and contract for statements on contracts and on tables keyed by contract; one row with no
-- contract (the whole portfolio may have changed) for suppliers and policy versions, and for a
-- statement that changed more than 64 contracts of a tenant (an import). The transition tables are
-- read through EXECUTE, which sees them as the static statements did.
CREATE OR REPLACE FUNCTION retour_note_portfolio_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  key text := CASE
    WHEN TG_TABLE_NAME = 'contracts' THEN 'id'
    WHEN TG_TABLE_NAME IN ('contract_extensions', 'progress_sums', 'contract_invoices', 'contract_verifiers') THEN 'contract_id'
    ELSE NULL END;
  rows_of text;
BEGIN
  rows_of := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT tenant_id, %s AS c FROM new_rows', coalesce(quote_ident(key), 'NULL::uuid'))
    WHEN 'DELETE' THEN format('SELECT tenant_id, %s AS c FROM old_rows', coalesce(quote_ident(key), 'NULL::uuid'))
    ELSE format('SELECT tenant_id, %1$s AS c FROM new_rows UNION SELECT tenant_id, %1$s FROM old_rows',
      coalesce(quote_ident(key), 'NULL::uuid'))
  END;
  EXECUTE format($q$
    INSERT INTO portfolio_changes (tenant_id, contract_id, at)
    SELECT y.tenant_id, y.c, clock_timestamp() FROM (
      SELECT DISTINCT x.tenant_id,
        CASE WHEN count(*) OVER (PARTITION BY x.tenant_id) > 64 THEN NULL ELSE x.c END AS c
      FROM (SELECT DISTINCT s.tenant_id, s.c FROM (%s) s WHERE s.tenant_id IS NOT NULL) x) y$q$, rows_of);
  RETURN NULL;
END $$;
