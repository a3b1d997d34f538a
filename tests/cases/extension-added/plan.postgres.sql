-- strata plan for postgres: 4 steps

-- Step 1: create extension citext
CREATE EXTENSION citext WITH SCHEMA public VERSION '1.6';

-- Step 2: create extension pg_trgm
CREATE EXTENSION pg_trgm WITH SCHEMA public;

-- Step 3: add column author to table docs
ALTER TABLE docs ADD COLUMN author citext;

-- Step 4: create index docs_title_trgm on table docs
-- hazard index-build: builds index docs_title_trgm over the rows of public.docs (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS docs_title_trgm;
CREATE INDEX CONCURRENTLY docs_title_trgm ON docs USING gin (title gin_trgm_ops);
