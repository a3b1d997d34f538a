-- strata plan for postgres: 2 steps

-- Step 1: create schema ext
CREATE SCHEMA IF NOT EXISTS ext;

-- Step 2: alter extension hstore (move to schema ext)
ALTER EXTENSION hstore SET SCHEMA ext;
