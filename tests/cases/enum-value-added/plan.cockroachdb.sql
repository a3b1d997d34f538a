-- strata plan for cockroachdb: 2 steps

-- Step 1: add value 'started' to enum status
-- (each statement outside a transaction)
ALTER TYPE status ADD VALUE 'started' BEFORE 'done';

-- Step 2: add value 'archived' to enum status
-- (each statement outside a transaction)
ALTER TYPE status ADD VALUE 'archived';
