-- strata plan for cockroachdb: 3 steps

-- Step 1: create sequence invoice_number
-- (each statement outside a transaction)
CREATE SEQUENCE invoice_number AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 5000 CACHE 1;

-- Step 2: add column number to table invoices
-- hazard table-rewrite: a backfill writes number into every row of public.invoices
-- (each statement outside a transaction)
ALTER TABLE invoices ADD COLUMN number bigint DEFAULT nextval('invoice_number'::regclass) NOT NULL;

-- Step 3: add unique constraint invoices_number_key to table invoices
-- hazard index-build: builds the index of invoices_number_key over the rows of public.invoices
-- (each statement outside a transaction)
ALTER TABLE invoices ADD CONSTRAINT invoices_number_key UNIQUE (number);
