-- strata plan for cockroachdb: 3 steps

-- Step 1: create table page_views
-- (each statement outside a transaction)
CREATE TABLE page_views (
  id uuid NOT NULL,
  path text NOT NULL,
  seen_at timestamptz DEFAULT now() NOT NULL,
  CONSTRAINT page_views_pkey PRIMARY KEY (id)
) WITH (ttl_expire_after = '90 days', ttl_row_stats_poll_interval = '1 minute');

-- Step 2: set the row-level TTL of table invites
-- hazard data-loss: the TTL job deletes the rows of public.invites whose expires_at has passed, on its schedule
-- (each statement outside a transaction)
ALTER TABLE invites SET (ttl_expiration_expression = 'expires_at', ttl_select_batch_size = 1000, ttl_pause = false);

-- Step 3: set the row-level TTL of table sessions
-- hazard data-loss: the TTL job deletes the rows of public.sessions not written for 30 minutes, on its schedule
-- hazard table-rewrite: a backfill writes the hidden column crdb_internal_expiration into every row of public.sessions
-- (each statement outside a transaction)
ALTER TABLE sessions SET (ttl_expire_after = '30 minutes', ttl_job_cron = '@hourly');
