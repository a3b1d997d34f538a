-- strata plan for postgres: 2 steps

-- Step 1: create enum plan_tier
CREATE TYPE plan_tier AS ENUM ('free', 'pro', 'enterprise');

-- Step 2: add column tier to table users
ALTER TABLE users ADD COLUMN tier plan_tier DEFAULT 'free' NOT NULL;
