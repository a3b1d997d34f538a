-- strata plan for postgres: 7 steps

-- Step 1: create enum "order"
CREATE TYPE "order" AS ENUM ('asc', 'desc');

-- Step 2: create table "group"
CREATE TABLE "group" (
  "table" bigint NOT NULL,
  "user" bigint NOT NULL,
  "limit" int DEFAULT 10 NOT NULL,
  CONSTRAINT group_pkey PRIMARY KEY ("table"),
  CONSTRAINT "unique" UNIQUE ("user", "limit")
);

-- Step 3: add column "from" to table "user"
ALTER TABLE "user" ADD COLUMN "from" date;

-- Step 4: add column "order" to table "user"
ALTER TABLE "user" ADD COLUMN "order" "order" DEFAULT 'asc' NOT NULL;

-- Step 5: create index "index" on table "user"
-- hazard index-build: builds index "index" over the rows of public."user" (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS "index";
CREATE INDEX CONCURRENTLY "index" ON "user" ("select", "from");

-- Step 6: add check "check" to table "user"
-- hazard constraint-validation: VALIDATE CONSTRAINT "check" checks every row of public."user"
-- (each statement outside a transaction)
ALTER TABLE "user" DROP CONSTRAINT IF EXISTS "check", ADD CONSTRAINT "check" CHECK ("from" > '2000-01-01') NOT VALID;
ALTER TABLE "user" VALIDATE CONSTRAINT "check";

-- Step 7: add foreign key "references" to table "group"
ALTER TABLE "group" ADD CONSTRAINT "references" FOREIGN KEY ("user") REFERENCES "user" (id);
