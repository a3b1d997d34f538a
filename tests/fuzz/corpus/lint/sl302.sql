CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
CREATE TABLE lines (order_id int, n int, sku text, PRIMARY KEY (order_id, n),
  CONSTRAINT fk FOREIGN KEY (sku, order_id) REFERENCES skus (code, o));
CREATE UNIQUE INDEX IF NOT EXISTS x ON ONLY a.b USING btree ((lower(e)), f DESC);
