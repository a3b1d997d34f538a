-- strata plan for cockroachdb: 3 steps

-- Step 1: make index events_actor_idx of table events visible to 0.50 of queries
-- hazard query-plans: index events_actor_idx of public.events becomes visible to 0.50 of queries: queries planned with it may fall back to slower plans
-- (each statement outside a transaction)
ALTER INDEX events@events_actor_idx VISIBILITY 0.50;

-- Step 2: make index events_kind_idx of table events not visible
-- hazard query-plans: index events_kind_idx of public.events becomes not visible: queries planned with it may fall back to slower plans
-- (each statement outside a transaction)
ALTER INDEX events@events_kind_idx NOT VISIBLE;

-- Step 3: create index events_happened_at_idx on table events
-- hazard index-build: builds index events_happened_at_idx over the rows of public.events (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX events_happened_at_idx ON events (happened_at) NOT VISIBLE;
