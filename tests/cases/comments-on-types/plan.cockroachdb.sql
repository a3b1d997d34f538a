-- strata plan for cockroachdb: 4 steps

-- Step 1: rebuild enum level (values removed or reordered)
-- hazard enum-value-removal: values of enum public.level are dropped: fails while a row holds one
-- (each statement outside a transaction)
ALTER TYPE level DROP VALUE 'mid';

-- Step 2: set the comment on type kind
-- (each statement outside a transaction)
COMMENT ON TYPE kind IS 'What a ticket asks for';

-- Step 3: change the comment on type status
-- (each statement outside a transaction)
COMMENT ON TYPE status IS 'Where a ticket is now';

-- Step 4: drop enum retired
-- (each statement outside a transaction)
DROP TYPE retired;
