-- strata plan for cockroachdb: 2 steps

-- Step 1: add unique constraint accounts_email_unique to table accounts
-- hazard constraint-validation: accounts_email_unique is validated against every row of public.accounts; then every write of (email) looks for a duplicate, a scan of the table unless an index starts with those columns
-- (each statement outside a transaction)
SET experimental_enable_unique_without_index_constraints = true;
ALTER TABLE accounts ADD CONSTRAINT accounts_email_unique UNIQUE WITHOUT INDEX (email);

-- Step 2: add unique constraint accounts_tenant_email_key to table accounts
-- hazard constraint-validation: accounts_tenant_email_key is validated against every row of public.accounts; then every write of (tenant, email) looks for a duplicate, a scan of the table unless an index starts with those columns
-- (each statement outside a transaction)
SET experimental_enable_unique_without_index_constraints = true;
ALTER TABLE accounts ADD CONSTRAINT accounts_tenant_email_key UNIQUE WITHOUT INDEX (tenant, email) WHERE NOT closed;
