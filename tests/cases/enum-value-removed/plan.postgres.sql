-- strata plan for postgres: 1 step

-- Step 1: rebuild enum order_status (values removed or reordered)
-- hazard enum-value-removal: enum public.order_status loses or reorders values: columns holding a removed value fail the conversion
-- hazard table-rewrite: 3 column(s) are converted to the rebuilt type
-- hazard blocking-lock: each conversion holds an ACCESS EXCLUSIVE lock on its table
BEGIN;
ALTER TYPE order_status RENAME TO order_status_strata_old;
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'delivered');
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT,
  ALTER COLUMN status TYPE order_status USING status::text::order_status,
  ALTER COLUMN status SET DEFAULT 'pending',
  ALTER COLUMN history DROP DEFAULT,
  ALTER COLUMN history TYPE order_status[] USING history::text[]::order_status[],
  ALTER COLUMN history SET DEFAULT '{}';
ALTER TABLE returns ALTER COLUMN last_status TYPE order_status USING last_status::text::order_status;
DROP TYPE order_status_strata_old;
COMMIT;
