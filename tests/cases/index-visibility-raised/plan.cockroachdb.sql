-- strata plan for cockroachdb: 2 steps

-- Step 1: make index events_actor_idx of table events visible to 0.75 of queries
-- (each statement outside a transaction)
ALTER INDEX events@events_actor_idx VISIBILITY 0.75;

-- Step 2: make index events_kind_idx of table events visible
-- (each statement outside a transaction)
ALTER INDEX events@events_kind_idx VISIBLE;
