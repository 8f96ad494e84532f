-- The rollup table is rewritten in place by every activity written (0007): each update leaves a dead
-- row. At the default thresholds (20% of the table) a national table of ~800,000 rows was vacuumed only
-- after ~160,000 dead rows; with 76,000 of them the national dashboard after a write took p95 234–281 ms
-- instead of 41 ms (stop 23, bench:scale). Vacuum and analyse it after 2% of its rows changed.
ALTER TABLE "progress_sums" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
