-- strata plan for cockroachdb: 4 steps

-- Step 1: rename column user_id of table posts to author_id
-- (each statement outside a transaction)
ALTER TABLE posts RENAME COLUMN user_id TO author_id;

-- Step 2: rename column body of table posts to content
-- (each statement outside a transaction)
ALTER TABLE posts RENAME COLUMN body TO content;

-- Step 3: rename column words of table posts to word_count
-- (each statement outside a transaction)
ALTER TABLE posts RENAME COLUMN words TO word_count;

-- Step 4: rename column id of table users to user_no
-- (each statement outside a transaction)
ALTER TABLE users RENAME COLUMN id TO user_no;
