-- strata plan for cockroachdb: 4 steps

-- Step 1: drop index users_email_idx of table users
-- (each statement outside a transaction)
DROP INDEX users@users_email_idx;

-- Step 2: change the comment on column email of table users
-- (each statement outside a transaction)
COMMENT ON COLUMN users.email IS 'new wording, with ''quotes'' and a \ backslash';

-- Step 3: remove the comment on table users
-- (each statement outside a transaction)
COMMENT ON TABLE users IS NULL;

-- Step 4: remove the comment on column name of table users
-- (each statement outside a transaction)
COMMENT ON COLUMN users.name IS NULL;
