-- strata plan for cockroachdb: 2 steps

-- Step 1: rename table accounts to users
-- (each statement outside a transaction)
ALTER TABLE accounts RENAME TO users;

-- Step 2: rename column mail of table users to email
-- (each statement outside a transaction)
ALTER TABLE users RENAME COLUMN mail TO email;
