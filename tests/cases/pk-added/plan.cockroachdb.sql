-- strata plan for cockroachdb: 1 step

-- Step 1: add the primary key of table audit_log
-- hazard primary-key-change: changing the primary key rebuilds public.audit_log and its indexes on the new key
-- hazard table-rewrite: every row of public.audit_log is rewritten
-- (each statement outside a transaction)
ALTER TABLE audit_log ALTER PRIMARY KEY USING COLUMNS (id);
