-- strata plan for cockroachdb: 1 step

-- Step 1: add unique constraint users_tenant_email_key to table users
-- hazard index-build: builds the index of users_tenant_email_key over the rows of public.users
-- (each statement outside a transaction)
ALTER TABLE users ADD CONSTRAINT users_tenant_email_key UNIQUE (tenant, email);
