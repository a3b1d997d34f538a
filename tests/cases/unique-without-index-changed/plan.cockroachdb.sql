-- strata plan for cockroachdb: 4 steps

-- Step 1: drop unique constraint accounts_tenant_email_open of table accounts
-- (each statement outside a transaction)
ALTER TABLE accounts DROP CONSTRAINT accounts_tenant_email_open;

-- Step 2: add unique constraint accounts_handle_key to table accounts
-- hazard index-build: builds the index of accounts_handle_key over the rows of public.accounts
-- (each statement outside a transaction)
ALTER TABLE accounts ADD CONSTRAINT accounts_handle_key UNIQUE (handle);

-- Step 3: drop unique constraint accounts_handle_unique of table accounts
-- (each statement outside a transaction)
ALTER TABLE accounts DROP CONSTRAINT accounts_handle_unique;

-- Step 4: add unique constraint accounts_tenant_email_open to table accounts
-- hazard constraint-validation: accounts_tenant_email_open is validated against every row of public.accounts; then every write of (tenant, email) looks for a duplicate, a scan of the table unless an index starts with those columns
-- (each statement outside a transaction)
SET experimental_enable_unique_without_index_constraints = true;
ALTER TABLE accounts ADD CONSTRAINT accounts_tenant_email_open UNIQUE WITHOUT INDEX (tenant, email) WHERE closed = false;
