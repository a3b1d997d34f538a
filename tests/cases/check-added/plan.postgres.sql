-- strata plan for postgres: 2 steps

-- Step 1: add check discount_below_price to table products
-- hazard constraint-validation: VALIDATE CONSTRAINT discount_below_price checks every row of public.products
-- (each statement outside a transaction)
ALTER TABLE products DROP CONSTRAINT IF EXISTS discount_below_price, ADD CONSTRAINT discount_below_price CHECK (discount >= 0 AND discount <= price) NOT VALID;
ALTER TABLE products VALIDATE CONSTRAINT discount_below_price;

-- Step 2: add check price_positive to table products
-- hazard constraint-validation: VALIDATE CONSTRAINT price_positive checks every row of public.products
-- (each statement outside a transaction)
ALTER TABLE products DROP CONSTRAINT IF EXISTS price_positive, ADD CONSTRAINT price_positive CHECK (price > 0) NOT VALID;
ALTER TABLE products VALIDATE CONSTRAINT price_positive;
