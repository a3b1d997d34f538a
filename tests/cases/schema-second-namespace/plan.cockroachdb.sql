-- strata plan for cockroachdb: 8 steps

-- Step 1: create schema sales
-- (each statement outside a transaction)
CREATE SCHEMA IF NOT EXISTS sales;

-- Step 2: create enum sales.region
-- (each statement outside a transaction)
CREATE TYPE sales.region AS ENUM ('north', 'south');

-- Step 3: create sequence sales.invoice_no
-- (each statement outside a transaction)
CREATE SEQUENCE sales.invoice_no AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1;

-- Step 4: create table sales.order_lines
-- (each statement outside a transaction)
CREATE TABLE sales.order_lines (
  order_id bigint NOT NULL,
  line int NOT NULL,
  CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, line)
);

-- Step 5: create table sales.orders
-- (each statement outside a transaction)
CREATE TABLE sales.orders (
  id bigint DEFAULT nextval('sales.invoice_no') NOT NULL,
  user_id bigint NOT NULL,
  region sales.region DEFAULT 'north' NOT NULL,
  CONSTRAINT orders_pkey PRIMARY KEY (id)
);

-- Step 6: create index orders_user_id_idx on table sales.orders
-- (each statement outside a transaction)
CREATE INDEX orders_user_id_idx ON sales.orders (user_id);

-- Step 7: add foreign key order_lines_order_id_fkey to table sales.order_lines
-- (each statement outside a transaction)
ALTER TABLE sales.order_lines ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) REFERENCES sales.orders (id) ON DELETE CASCADE;

-- Step 8: add foreign key orders_user_id_fkey to table sales.orders
-- (each statement outside a transaction)
ALTER TABLE sales.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
