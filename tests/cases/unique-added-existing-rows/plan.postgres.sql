-- strata plan for postgres: 1 step

-- Step 1: add unique constraint users_tenant_email_key to table users
-- hazard index-build: builds the index of users_tenant_email_key over the rows of public.users (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS users_tenant_email_key;
CREATE UNIQUE INDEX CONCURRENTLY users_tenant_email_key ON users (tenant, email);
ALTER TABLE users ADD CONSTRAINT users_tenant_email_key UNIQUE USING INDEX users_tenant_email_key;
