-- strata plan for postgres: 2 steps

-- Step 1: drop materialized view kinds
-- hazard view-readers: drops materialized view public.kinds: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants); only its declared indexes are built again
DROP MATERIALIZED VIEW kinds;

-- Step 2: create materialized view kinds
-- hazard view-refresh: fills materialized view public.kinds by running its whole query, which reads every row it selects
CREATE MATERIALIZED VIEW kinds AS SELECT kind, count(*) AS n, max(id) AS last FROM events GROUP BY kind;
