-- strata plan for cockroachdb: 1 step

-- Step 1: add value 'trivial' to enum priority
-- (each statement outside a transaction)
ALTER TYPE priority ADD VALUE 'trivial' BEFORE 'low';
