-- strata plan for postgres: 3 steps

-- Step 1: drop view names
-- hazard view-readers: drops view public.names: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW names;

-- Step 2: create view names
CREATE VIEW names AS SELECT name FROM users;

-- Step 3: replace the query of view people
CREATE OR REPLACE VIEW people AS SELECT id, email, name FROM users;
