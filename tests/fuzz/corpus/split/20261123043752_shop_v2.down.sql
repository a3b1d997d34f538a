-- 20261123043752_shop_v2.down.sql: written by `strata migrate new` for postgres.
-- Review it before it is applied; strata.sum records its checksum.
-- strata:no-transaction
-- Reverts the up file of the same version.

-- step 1: drop index orders_open_idx of table orders
DROP INDEX CONCURRENTLY orders_open_idx;

-- step 2: drop index orders_status_idx of table orders
DROP INDEX CONCURRENTLY orders_status_idx;

-- step 3: add column tags to table products
ALTER TABLE products ADD COLUMN tags text[] DEFAULT '{}' NOT NULL;

-- step 4: add column name to table users
ALTER TABLE users ADD COLUMN name text;

-- step 5: rebuild enum order_status (values removed or reordered)
-- hazard enum-value-removal: enum public.order_status loses or reorders values: columns holding a removed value fail the conversion
-- hazard table-rewrite: 1 column(s) are converted to the rebuilt type
-- hazard blocking-lock: each conversion holds an ACCESS EXCLUSIVE lock on its table
ALTER TYPE order_status RENAME TO order_status_strata_old;
CREATE TYPE order_status AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'CANCELLED');
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT,
  ALTER COLUMN status TYPE order_status USING status::text::order_status,
  ALTER COLUMN status SET DEFAULT 'PENDING';
DROP TYPE order_status_strata_old;

-- step 6: change type of column sku of table products
-- hazard data-loss: sku changes from varchar(64) to varchar(32): values may not fit or may fail to convert
-- hazard table-rewrite: converting sku rewrites public.products and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.products
ALTER TABLE products ALTER COLUMN sku TYPE varchar(32) USING sku::varchar(32);

-- step 7: change type of column price of table products
-- hazard data-loss: price changes from numeric(12,2) to numeric(10,2): values may not fit or may fail to convert
-- hazard table-rewrite: converting price rewrites public.products and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.products
ALTER TABLE products ALTER COLUMN price TYPE numeric(10,2) USING price::numeric(10,2);

-- step 8: drop column ship_to from table orders
-- hazard data-loss: drops column ship_to of public.orders and its values
ALTER TABLE orders DROP COLUMN ship_to;

-- step 9: drop column display_name from table users
-- hazard data-loss: drops column display_name of public.users and its values
ALTER TABLE users DROP COLUMN display_name;

-- step 10: create index orders_open_idx on table orders
-- hazard index-build: builds index orders_open_idx over the rows of public.orders (CONCURRENTLY: writes go on)
DROP INDEX CONCURRENTLY IF EXISTS orders_open_idx;
CREATE INDEX CONCURRENTLY orders_open_idx ON orders (placed_at) WHERE status IN ('PENDING', 'PROCESSING');
