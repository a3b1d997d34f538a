-- strata plan for postgres: 2 steps

-- Step 1: drop foreign key posts_author_id_fkey of table posts
ALTER TABLE posts DROP CONSTRAINT posts_author_id_fkey;

-- Step 2: drop table users
-- hazard data-loss: drops table public.users and its rows
DROP TABLE users;
