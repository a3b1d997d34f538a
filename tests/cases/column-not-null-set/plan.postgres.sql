-- strata plan for postgres: 1 step

-- Step 1: change nullability of column email of table people
-- hazard constraint-validation: NOT NULL checks every row of public.people (fails if email holds NULLs)
-- (each statement outside a transaction)
ALTER TABLE people DROP CONSTRAINT IF EXISTS people_email_strata_not_null, ADD CONSTRAINT people_email_strata_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE people VALIDATE CONSTRAINT people_email_strata_not_null;
ALTER TABLE people ALTER COLUMN email SET NOT NULL;
ALTER TABLE people DROP CONSTRAINT people_email_strata_not_null;
