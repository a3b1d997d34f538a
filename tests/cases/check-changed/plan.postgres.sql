-- strata plan for postgres: 2 steps

-- Step 1: drop check price_positive of table products
ALTER TABLE products DROP CONSTRAINT price_positive;

-- Step 2: add check price_positive to table products
-- hazard constraint-validation: VALIDATE CONSTRAINT price_positive checks every row of public.products
-- (each statement outside a transaction)
ALTER TABLE products DROP CONSTRAINT IF EXISTS price_positive, ADD CONSTRAINT price_positive CHECK (price >= 0.01) NOT VALID;
ALTER TABLE products VALIDATE CONSTRAINT price_positive;
