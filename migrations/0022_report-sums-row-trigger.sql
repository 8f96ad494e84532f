-- A new report version (a correction) makes the old version's activities stop counting (0007). The
-- statement trigger kept every inserted report in a transition table only to skip the version-1
-- rows: 500,000 half-year reports of a contract import wrote them all to a tuplestore (and to disk)
-- for nothing. A row trigger whose WHEN skips version 1 queues nothing for those rows (decision 036).
DROP TRIGGER "reports_sums_insert" ON "reports";
--> statement-breakpoint
CREATE FUNCTION retour_report_version_sums() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM retour_refresh_progress_sums(ARRAY[NEW.contract_id], ARRAY[NEW.period]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "reports_sums_insert" AFTER INSERT ON "reports"
  FOR EACH ROW WHEN (NEW.version > 1) EXECUTE FUNCTION retour_report_version_sums();
