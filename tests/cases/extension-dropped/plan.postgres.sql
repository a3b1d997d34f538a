-- strata plan for postgres: 2 steps

-- Step 1: change type of column email of table users
-- hazard data-loss: email changes from citext to text: values may not fit or may fail to convert
-- hazard table-rewrite: converting email rewrites public.users and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.users
ALTER TABLE users ALTER COLUMN email TYPE text USING email::text;

-- Step 2: drop extension citext
-- hazard data-loss: drops extension citext with the functions, types and operators it provides, and any tables of its own; PostgreSQL refuses while a column, default or index still uses them
DROP EXTENSION citext;
