-- strata plan for postgres: 5 steps

-- Step 1: rebuild enum level (values removed or reordered)
-- hazard enum-value-removal: enum public.level loses or reorders values: columns holding a removed value fail the conversion
-- hazard table-rewrite: 1 column(s) are converted to the rebuilt type
-- hazard blocking-lock: each conversion holds an ACCESS EXCLUSIVE lock on its table
BEGIN;
ALTER TYPE level RENAME TO level_strata_old;
CREATE TYPE level AS ENUM ('low', 'high');
ALTER TABLE tickets ALTER COLUMN level TYPE level USING level::text::level;
DROP TYPE level_strata_old;
COMMIT;

-- Step 2: set the comment on type kind
COMMENT ON TYPE kind IS 'What a ticket asks for';

-- Step 3: set the comment on type level
COMMENT ON TYPE level IS 'How urgent';

-- Step 4: change the comment on type status
COMMENT ON TYPE status IS 'Where a ticket is now';

-- Step 5: drop enum retired
DROP TYPE retired;
