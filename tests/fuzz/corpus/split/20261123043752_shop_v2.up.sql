-- 20261123043752_shop_v2.up.sql: written by `strata migrate new` for postgres.
-- Review it before it is applied; strata.sum records its checksum.
-- strata:no-transaction

-- step 1: add value 'SHIPPED' to enum order_status
ALTER TYPE order_status ADD VALUE 'SHIPPED' BEFORE 'COMPLETED';

-- step 2: rename column name of table users to display_name
ALTER TABLE users RENAME COLUMN name TO display_name;

-- step 3: add column ship_to to table orders
ALTER TABLE orders ADD COLUMN ship_to text;

-- step 4: change type of column sku of table products
ALTER TABLE products ALTER COLUMN sku TYPE varchar(64) USING sku::varchar(64);

-- step 5: change type of column price of table products
ALTER TABLE products ALTER COLUMN price TYPE numeric(12,2) USING price::numeric(12,2);

-- step 6: drop column tags from table products
-- hazard data-loss: drops column tags of public.products and its values
ALTER TABLE products DROP COLUMN tags;

-- step 7: create index orders_status_idx on table orders
-- hazard index-build: builds index orders_status_idx over the rows of public.orders (CONCURRENTLY: writes go on)
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);
