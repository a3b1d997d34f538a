-- strata plan for postgres: 5 steps

-- Step 1: add column signed_up to table users
ALTER TABLE users ADD COLUMN signed_up date DEFAULT CURRENT_DATE NOT NULL;

-- Step 2: create view active_users
CREATE VIEW active_users AS select ID, Email from users where deleted_at is null;

-- Step 3: create view recent_active
CREATE VIEW recent_active AS SELECT id FROM active_users WHERE id > 100;

-- Step 4: create materialized view signups_by_day
-- hazard view-refresh: fills materialized view public.signups_by_day by running its whole query, which reads every row it selects
CREATE MATERIALIZED VIEW signups_by_day AS SELECT signed_up AS day, count(*) AS signups FROM users GROUP BY signed_up;

-- Step 5: set the comment on materialized view signups_by_day
COMMENT ON MATERIALIZED VIEW signups_by_day IS 'Refreshed nightly';
