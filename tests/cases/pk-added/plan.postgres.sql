-- strata plan for postgres: 1 step

-- Step 1: add the primary key of table audit_log
-- hazard index-build: builds the primary key index over the rows of public.audit_log (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS audit_log_pkey_strata_new;
CREATE UNIQUE INDEX CONCURRENTLY audit_log_pkey_strata_new ON audit_log (id);
ALTER TABLE audit_log ADD CONSTRAINT audit_log_pkey PRIMARY KEY USING INDEX audit_log_pkey_strata_new;
