-- strata plan for postgres: 7 steps

-- Step 1: drop materialized view daily
-- hazard view-readers: drops materialized view public.daily: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants); only its declared indexes are built again
DROP MATERIALIZED VIEW daily;

-- Step 2: drop index kinds_by_n of table kinds
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY kinds_by_n;

-- Step 3: create index kinds_by_n on table kinds
-- hazard index-build: builds index kinds_by_n over the rows of public.kinds (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS kinds_by_n;
CREATE INDEX CONCURRENTLY kinds_by_n ON kinds (n DESC);

-- Step 4: create materialized view daily
-- hazard view-refresh: fills materialized view public.daily by running its whole query, which reads every row it selects
CREATE MATERIALIZED VIEW daily AS SELECT date_trunc('day', at) AS day, count(*) AS n, max(id) AS last FROM events GROUP BY 1;

-- Step 5: create index daily_day_idx on table daily
-- hazard index-build: builds index daily_day_idx over the rows of public.daily (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS daily_day_idx;
CREATE INDEX CONCURRENTLY daily_day_idx ON daily (day);

-- Step 6: create index daily_expr_idx on table daily
-- hazard index-build: builds index daily_expr_idx over the rows of public.daily (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS daily_expr_idx;
CREATE INDEX CONCURRENTLY daily_expr_idx ON daily ((n * 2)) WHERE n > 10;

-- Step 7: set the comment on index kinds_kind_idx of table kinds
COMMENT ON INDEX kinds_kind_idx IS 'one row per kind';
