-- strata plan for cockroachdb: 1 step

-- Step 1: rebuild enum mood (values removed or reordered)
-- hazard enum-value-removal: values of enum public.mood are dropped: fails while a row holds one
-- (each statement outside a transaction)
ALTER TYPE mood DROP VALUE 'meh';
