-- strata plan for cockroachdb: 1 step

-- Step 1: drop check discount_below_price of table products
-- (each statement outside a transaction)
ALTER TABLE products DROP CONSTRAINT discount_below_price;
