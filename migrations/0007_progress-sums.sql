CREATE TABLE "progress_sums" (
	"tenant_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"period" text NOT NULL,
	"category" text NOT NULL,
	"planned_cents" bigint DEFAULT 0 NOT NULL,
	"realised_cents" bigint DEFAULT 0 NOT NULL,
	"verified_cents" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "progress_sums_contract_id_period_category_pk" PRIMARY KEY("contract_id","period","category")
);
--> statement-breakpoint
ALTER TABLE "progress_sums" ADD CONSTRAINT "progress_sums_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_sums" ADD CONSTRAINT "progress_sums_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_sums_tenant_period" ON "progress_sums" USING btree ("tenant_id","period");--> statement-breakpoint
CREATE INDEX "contract_extensions_contract" ON "contract_extensions" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "plan_versions_tenant_decision" ON "plan_versions" USING btree ("tenant_id","decision");--> statement-breakpoint
CREATE INDEX "activities_tenant_period" ON "activities" USING btree ("tenant_id","period");--> statement-breakpoint
-- Recomputes the realised and verified sums of the given (contract, half-year) pairs from the current
-- report versions. Serialised per contract (advisory lock, or a table lock for bulk writes; then fresh
-- statements, which under READ COMMITTED see what committed before), so concurrent writes to one
-- contract cannot leave a stale sum.
CREATE FUNCTION retour_refresh_progress_sums(p_contracts uuid[], p_periods text[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- a few contracts: one lock each; a bulk write (an import, a load): the whole rollup at once
  IF (SELECT count(DISTINCT c) FROM unnest(p_contracts) c) <= 64 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('progress_sums:' || c::text, 0))
      FROM (SELECT DISTINCT unnest(p_contracts) AS c ORDER BY 1) locks;
  ELSE
    LOCK TABLE progress_sums IN SHARE ROW EXCLUSIVE MODE;
  END IF;
  UPDATE progress_sums s SET realised_cents = 0, verified_cents = 0
    FROM (SELECT DISTINCT * FROM unnest(p_contracts, p_periods) AS p(contract_id, period)) p
    WHERE s.contract_id = p.contract_id AND s.period = p.period;
  INSERT INTO progress_sums (tenant_id, contract_id, period, category, realised_cents, verified_cents)
    SELECT a.tenant_id, a.contract_id, a.period, a.category,
      coalesce(sum(a.value_cents) FILTER (WHERE a.verification <> 'rejected'), 0),
      coalesce(sum(a.value_cents) FILTER (WHERE a.verification = 'accepted'), 0)
    FROM (SELECT DISTINCT * FROM unnest(p_contracts, p_periods) AS p(contract_id, period)) p
    JOIN activities a ON a.contract_id = p.contract_id AND a.period = p.period
    JOIN reports r ON r.id = a.report_id
    WHERE r.version = (SELECT max(r2.version) FROM reports r2 WHERE r2.contract_id = r.contract_id AND r2.period = r.period)
    GROUP BY a.tenant_id, a.contract_id, a.period, a.category
  ON CONFLICT (contract_id, period, category)
    DO UPDATE SET realised_cents = excluded.realised_cents, verified_cents = excluded.verified_cents;
  DELETE FROM progress_sums s
    USING (SELECT DISTINCT * FROM unnest(p_contracts, p_periods) AS p(contract_id, period)) p
    WHERE s.contract_id = p.contract_id AND s.period = p.period
      AND s.planned_cents = 0 AND s.realised_cents = 0 AND s.verified_cents = 0;
END $$;
--> statement-breakpoint
-- Recomputes the planned sums of the given contracts from the latest approved plan version of each.
CREATE FUNCTION retour_refresh_planned_sums(p_contracts uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- a few contracts: one lock each; a bulk write (an import, a load): the whole rollup at once
  IF (SELECT count(DISTINCT c) FROM unnest(p_contracts) c) <= 64 THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('progress_sums:' || c::text, 0))
      FROM (SELECT DISTINCT unnest(p_contracts) AS c ORDER BY 1) locks;
  ELSE
    LOCK TABLE progress_sums IN SHARE ROW EXCLUSIVE MODE;
  END IF;
  UPDATE progress_sums SET planned_cents = 0 WHERE contract_id = ANY (p_contracts);
  INSERT INTO progress_sums (tenant_id, contract_id, period, category, planned_cents)
    SELECT v.tenant_id, v.contract_id, e->>'period', e->>'category', sum((e->>'valueCents')::bigint)
    FROM (
      SELECT DISTINCT ON (pv.plan_id) p.tenant_id, p.contract_id, pv.items
      FROM plan_versions pv JOIN plans p ON p.id = pv.plan_id
      WHERE p.contract_id = ANY (p_contracts) AND pv.decision = 'approved' AND pv.reviewed_at IS NOT NULL
      ORDER BY pv.plan_id, pv.version DESC
    ) v, jsonb_array_elements(v.items) e
    GROUP BY v.tenant_id, v.contract_id, e->>'period', e->>'category'
  ON CONFLICT (contract_id, period, category) DO UPDATE SET planned_cents = excluded.planned_cents;
  DELETE FROM progress_sums
    WHERE contract_id = ANY (p_contracts) AND planned_cents = 0 AND realised_cents = 0 AND verified_cents = 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION retour_activities_sums() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM retour_refresh_progress_sums(array_agg(contract_id), array_agg(period)) FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM retour_refresh_progress_sums(array_agg(contract_id), array_agg(period)) FROM old_rows;
  ELSE
    PERFORM retour_refresh_progress_sums(array_agg(contract_id), array_agg(period))
      FROM (SELECT n.contract_id, n.period FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.contract_id, n.period, n.report_id, n.category, n.value_cents, n.verification)
              IS DISTINCT FROM (o.contract_id, o.period, o.report_id, o.category, o.value_cents, o.verification)
            UNION SELECT o.contract_id, o.period FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE (n.contract_id, n.period) IS DISTINCT FROM (o.contract_id, o.period)) changed;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_sums_insert AFTER INSERT ON activities REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retour_activities_sums();
--> statement-breakpoint
CREATE TRIGGER activities_sums_update AFTER UPDATE ON activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retour_activities_sums();
--> statement-breakpoint
CREATE TRIGGER activities_sums_delete AFTER DELETE ON activities REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retour_activities_sums();
--> statement-breakpoint
-- A new report version (a correction) makes the old version's activities stop counting.
CREATE FUNCTION retour_reports_sums() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM retour_refresh_progress_sums(array_agg(contract_id), array_agg(period)) FROM old_rows;
  ELSE
    PERFORM retour_refresh_progress_sums(array_agg(contract_id), array_agg(period)) FROM new_rows WHERE version > 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER reports_sums_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retour_reports_sums();
--> statement-breakpoint
CREATE TRIGGER reports_sums_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retour_reports_sums();
--> statement-breakpoint
CREATE FUNCTION retour_plan_versions_sums() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM retour_refresh_planned_sums(array_agg(DISTINCT p.contract_id))
    FROM new_rows n JOIN plans p ON p.id = n.plan_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER plan_versions_sums_insert AFTER INSERT ON plan_versions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retour_plan_versions_sums();
--> statement-breakpoint
CREATE TRIGGER plan_versions_sums_update AFTER UPDATE ON plan_versions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION retour_plan_versions_sums();
--> statement-breakpoint
-- The whole rollup from scratch, in two set-based statements (after a bulk load with triggers off).
CREATE FUNCTION retour_rebuild_progress_sums() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE progress_sums IN SHARE ROW EXCLUSIVE MODE;
  DELETE FROM progress_sums;
  INSERT INTO progress_sums (tenant_id, contract_id, period, category, realised_cents, verified_cents)
    SELECT a.tenant_id, a.contract_id, a.period, a.category,
      coalesce(sum(a.value_cents) FILTER (WHERE a.verification <> 'rejected'), 0),
      coalesce(sum(a.value_cents) FILTER (WHERE a.verification = 'accepted'), 0)
    FROM activities a
    JOIN (SELECT DISTINCT ON (contract_id, period) id FROM reports ORDER BY contract_id, period, version DESC) cur
      ON cur.id = a.report_id
    GROUP BY a.tenant_id, a.contract_id, a.period, a.category;
  INSERT INTO progress_sums (tenant_id, contract_id, period, category, planned_cents)
    SELECT v.tenant_id, v.contract_id, e->>'period', e->>'category', sum((e->>'valueCents')::bigint)
    FROM (
      SELECT DISTINCT ON (pv.plan_id) p.tenant_id, p.contract_id, pv.items
      FROM plan_versions pv JOIN plans p ON p.id = pv.plan_id
      WHERE pv.decision = 'approved' AND pv.reviewed_at IS NOT NULL
      ORDER BY pv.plan_id, pv.version DESC
    ) v, jsonb_array_elements(v.items) e
    GROUP BY v.tenant_id, v.contract_id, e->>'period', e->>'category'
  ON CONFLICT (contract_id, period, category) DO UPDATE SET planned_cents = excluded.planned_cents;
  DELETE FROM progress_sums WHERE planned_cents = 0 AND realised_cents = 0 AND verified_cents = 0;
END $$;
--> statement-breakpoint
SELECT retour_rebuild_progress_sums();
