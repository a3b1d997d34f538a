-- strata plan for postgres: 1 step

-- Step 1: drop check discount_below_price of table products
ALTER TABLE products DROP CONSTRAINT discount_below_price;
