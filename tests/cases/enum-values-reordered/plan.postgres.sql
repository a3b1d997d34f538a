-- strata plan for postgres: 1 step

-- Step 1: rebuild enum size (values removed or reordered)
-- hazard enum-value-removal: enum public.size loses or reorders values: columns holding a removed value fail the conversion
-- hazard table-rewrite: 1 column(s) are converted to the rebuilt type
-- hazard blocking-lock: each conversion holds an ACCESS EXCLUSIVE lock on its table
BEGIN;
ALTER TYPE size RENAME TO size_strata_old;
CREATE TYPE size AS ENUM ('small', 'medium', 'large');
ALTER TABLE shirts ALTER COLUMN size DROP DEFAULT,
  ALTER COLUMN size TYPE size USING size::text::size,
  ALTER COLUMN size SET DEFAULT 'medium'::size;
DROP TYPE size_strata_old;
COMMIT;
