-- strata plan for cockroachdb: 2 steps

-- Step 1: drop check price_positive of table products
-- (each statement outside a transaction)
ALTER TABLE products DROP CONSTRAINT price_positive;

-- Step 2: add check price_positive to table products
-- hazard constraint-validation: check price_positive is validated against every row of public.products
-- (each statement outside a transaction)
ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price >= 0.01);
