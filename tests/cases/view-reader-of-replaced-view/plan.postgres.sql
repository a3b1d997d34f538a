-- strata plan for postgres: 4 steps

-- Step 1: drop view people_ids
-- hazard view-readers: drops view public.people_ids: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW people_ids;

-- Step 2: drop view people
-- hazard view-readers: drops view public.people: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW people;

-- Step 3: create view people
CREATE VIEW people AS SELECT id, email FROM users;

-- Step 4: create view people_ids
CREATE VIEW people_ids AS SELECT id FROM people;
