-- strata plan for cockroachdb: 1 step

-- Step 1: change nullability of column email of table people
-- hazard constraint-validation: SET NOT NULL checks every row of public.people (fails on a NULL)
-- (each statement outside a transaction)
ALTER TABLE people ALTER COLUMN email SET NOT NULL;
