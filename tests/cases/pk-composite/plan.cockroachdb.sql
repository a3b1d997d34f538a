-- strata plan for cockroachdb: 5 steps

-- Step 1: create table line_notes
-- (each statement outside a transaction)
CREATE TABLE line_notes (
  id bigint NOT NULL,
  order_id bigint NOT NULL,
  product_id bigint NOT NULL,
  note text NOT NULL,
  CONSTRAINT line_notes_pkey PRIMARY KEY (id)
);

-- Step 2: create table order_lines
-- (each statement outside a transaction)
CREATE TABLE order_lines (
  order_id bigint NOT NULL,
  product_id bigint NOT NULL,
  quantity int DEFAULT 1 NOT NULL,
  CONSTRAINT order_lines_pkey PRIMARY KEY (order_id, product_id)
);

-- Step 3: add foreign key line_notes_order_id_product_id_fkey to table line_notes
-- (each statement outside a transaction)
ALTER TABLE line_notes ADD CONSTRAINT line_notes_order_id_product_id_fkey FOREIGN KEY (order_id, product_id) REFERENCES order_lines (order_id, product_id) ON DELETE CASCADE;

-- Step 4: add foreign key order_lines_order_id_fkey to table order_lines
-- (each statement outside a transaction)
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE;

-- Step 5: add foreign key order_lines_product_id_fkey to table order_lines
-- (each statement outside a transaction)
ALTER TABLE order_lines ADD CONSTRAINT order_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id);
