-- strata plan for postgres: 4 steps

-- Step 1: add unique constraint badges_code_key to table badges
-- hazard index-build: builds the index of badges_code_key over the rows of public.badges (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS badges_code_key;
CREATE UNIQUE INDEX CONCURRENTLY badges_code_key ON badges (code);
ALTER TABLE badges ADD CONSTRAINT badges_code_key UNIQUE USING INDEX badges_code_key;

-- Step 2: drop index badges_code_idx of table badges
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY badges_code_idx;

-- Step 3: create index members_email_idx on table members
-- hazard index-build: builds index members_email_idx over the rows of public.members (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS members_email_idx;
CREATE UNIQUE INDEX CONCURRENTLY members_email_idx ON members (email);

-- Step 4: drop unique constraint members_email_key of table members
ALTER TABLE members DROP CONSTRAINT members_email_key;
