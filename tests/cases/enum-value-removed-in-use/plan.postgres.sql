-- strata plan for postgres: 1 step

-- Step 1: rebuild enum mood (values removed or reordered)
-- hazard enum-value-removal: enum public.mood loses or reorders values: columns holding a removed value fail the conversion
-- hazard table-rewrite: 1 column(s) are converted to the rebuilt type
-- hazard blocking-lock: each conversion holds an ACCESS EXCLUSIVE lock on its table
BEGIN;
ALTER TYPE mood RENAME TO mood_strata_old;
CREATE TYPE mood AS ENUM ('happy', 'sad');
ALTER TABLE diary ALTER COLUMN mood DROP DEFAULT,
  ALTER COLUMN mood TYPE mood USING mood::text::mood,
  ALTER COLUMN mood SET DEFAULT 'happy';
DROP TYPE mood_strata_old;
COMMIT;
