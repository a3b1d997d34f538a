-- strata plan for cockroachdb: 2 steps

-- Step 1: change type of column label of table counters
-- (each statement outside a transaction)
ALTER TABLE counters ALTER COLUMN label DROP DEFAULT;
ALTER TABLE counters ALTER COLUMN label SET DATA TYPE text;
ALTER TABLE counters ALTER COLUMN label SET DEFAULT 'none';

-- Step 2: change type, default of column ratio of table counters
-- hazard data-loss: ratio changes from numeric(6,3) to double precision: values may not fit or may fail to convert
-- hazard table-rewrite: converting ratio rewrites public.counters
-- (each statement outside a transaction)
ALTER TABLE counters ALTER COLUMN ratio DROP DEFAULT;
SET enable_experimental_alter_column_type_general = true;
ALTER TABLE counters ALTER COLUMN ratio SET DATA TYPE double precision;
ALTER TABLE counters ALTER COLUMN ratio SET DEFAULT 0.25;
