-- strata plan for cockroachdb: 3 steps

-- Step 1: change the row-level TTL of table invites
-- hazard data-loss: the TTL job deletes the rows of public.invites whose expires_at has passed, on its schedule
-- hazard table-rewrite: the hidden column crdb_internal_expiration is dropped from every row of public.invites
-- (each statement outside a transaction)
ALTER TABLE invites SET (ttl_expiration_expression = 'expires_at');
ALTER TABLE invites RESET (ttl_expire_after);

-- Step 2: remove the row-level TTL of table logs
-- hazard table-rewrite: the hidden column crdb_internal_expiration is dropped from every row of public.logs
-- (each statement outside a transaction)
ALTER TABLE logs RESET (ttl);

-- Step 3: change the row-level TTL of table sessions
-- hazard data-loss: the TTL job deletes the rows of public.sessions not written for 1 hour, on its schedule
-- (each statement outside a transaction)
ALTER TABLE sessions SET (ttl_expire_after = '1 hour', ttl_delete_batch_size = 50);
ALTER TABLE sessions RESET (ttl_job_cron, ttl_select_batch_size);
