-- strata plan for postgres: 2 steps

-- Step 1: rename table accounts to users
ALTER TABLE accounts RENAME TO users;

-- Step 2: rename column mail of table users to email
ALTER TABLE users RENAME COLUMN mail TO email;
