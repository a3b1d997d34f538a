-- strata plan for postgres: 5 steps

-- Step 1: drop view biggest
-- hazard view-readers: drops view public.biggest: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW biggest;

-- Step 2: drop view big_orders
-- hazard view-readers: drops view public.big_orders: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW big_orders;

-- Step 3: change type of column total of table orders
-- hazard data-loss: total changes from integer to numeric(12,2): values may not fit or may fail to convert
-- hazard table-rewrite: converting total rewrites public.orders and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.orders
ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2) USING total::numeric(12,2);

-- Step 4: create view big_orders
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 1000;

-- Step 5: create view biggest
CREATE VIEW biggest AS SELECT max(total) AS top FROM big_orders;
