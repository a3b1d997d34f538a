-- strata plan for postgres: 3 steps

-- Step 1: create sequence invoice_number
CREATE SEQUENCE invoice_number AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5000 CACHE 1;

-- Step 2: add column number to table invoices
-- hazard table-rewrite: every row of public.invoices gets a value of its own for number: the table is rewritten
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.invoices
ALTER TABLE invoices ADD COLUMN number bigint DEFAULT nextval('invoice_number'::regclass) NOT NULL;

-- Step 3: add unique constraint invoices_number_key to table invoices
-- hazard index-build: builds the index of invoices_number_key over the rows of public.invoices (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS invoices_number_key;
CREATE UNIQUE INDEX CONCURRENTLY invoices_number_key ON invoices (number);
ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE USING INDEX invoices_number_key;
