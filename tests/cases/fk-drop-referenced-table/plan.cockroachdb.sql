-- strata plan for cockroachdb: 2 steps

-- Step 1: drop foreign key posts_author_id_fkey of table posts
-- (each statement outside a transaction)
ALTER TABLE posts DROP CONSTRAINT posts_author_id_fkey;

-- Step 2: drop table users
-- hazard data-loss: drops table public.users and its rows
-- (each statement outside a transaction)
DROP TABLE users;
