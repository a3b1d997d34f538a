-- strata plan for postgres: 3 steps

-- Step 1: change type of column id of table posts
-- hazard table-rewrite: converting id rewrites public.posts and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.posts
ALTER TABLE posts ALTER COLUMN id TYPE bigint USING id::bigint;

-- Step 2: change type of column user_id of table posts
-- hazard table-rewrite: converting user_id rewrites public.posts and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.posts
ALTER TABLE posts ALTER COLUMN user_id TYPE bigint USING user_id::bigint;

-- Step 3: change type of column id of table users
-- hazard table-rewrite: converting id rewrites public.users and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.users
ALTER TABLE users ALTER COLUMN id TYPE bigint USING id::bigint;
