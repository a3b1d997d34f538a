-- strata plan for cockroachdb: 1 step

-- Step 1: add value 'elevated' to enum priority
-- (each statement outside a transaction)
ALTER TYPE priority ADD VALUE 'elevated' BEFORE 'high';
