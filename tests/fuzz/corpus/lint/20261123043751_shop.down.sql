-- 20261123043751_shop.down.sql: written by `strata migrate new` for postgres.
-- Review it before it is applied; strata.sum records its checksum.
-- Reverts the up file of the same version.

-- step 1: drop foreign key order_items_order_id_fkey of table order_items
ALTER TABLE order_items DROP CONSTRAINT order_items_order_id_fkey;

-- step 2: drop foreign key order_items_product_id_fkey of table order_items
ALTER TABLE order_items DROP CONSTRAINT order_items_product_id_fkey;

-- step 3: drop foreign key orders_user_id_fkey of table orders
ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;

-- step 4: drop table order_items
-- hazard data-loss: drops table public.order_items and its rows
DROP TABLE order_items;

-- step 5: drop table orders
-- hazard data-loss: drops table public.orders and its rows
DROP TABLE orders;

-- step 6: drop table products
-- hazard data-loss: drops table public.products and its rows
DROP TABLE products;

-- step 7: drop table users
-- hazard data-loss: drops table public.users and its rows
DROP TABLE users;

-- step 8: drop enum order_status
DROP TYPE order_status;
