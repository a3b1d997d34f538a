-- strata plan for cockroachdb: 2 steps

-- Step 1: add check discount_below_price to table products
-- hazard constraint-validation: check discount_below_price is validated against every row of public.products
-- (each statement outside a transaction)
ALTER TABLE products ADD CONSTRAINT discount_below_price CHECK (discount >= 0 AND discount <= price);

-- Step 2: add check price_positive to table products
-- hazard constraint-validation: check price_positive is validated against every row of public.products
-- (each statement outside a transaction)
ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0);
