-- strata plan for cockroachdb: 7 steps

-- Step 1: create enum "order"
-- (each statement outside a transaction)
CREATE TYPE "order" AS ENUM ('asc', 'desc');

-- Step 2: create table "group"
-- (each statement outside a transaction)
CREATE TABLE "group" (
  "table" bigint NOT NULL,
  "user" bigint NOT NULL,
  "limit" int DEFAULT 10 NOT NULL,
  CONSTRAINT group_pkey PRIMARY KEY ("table"),
  CONSTRAINT "unique" UNIQUE ("user", "limit")
);

-- Step 3: add column "from" to table "user"
-- (each statement outside a transaction)
ALTER TABLE "user" ADD COLUMN "from" date NULL;

-- Step 4: add column "order" to table "user"
-- hazard table-rewrite: a backfill writes "order" into every row of public."user"
-- (each statement outside a transaction)
ALTER TABLE "user" ADD COLUMN "order" "order" DEFAULT 'asc' NOT NULL;

-- Step 5: create index "index" on table "user"
-- hazard index-build: builds index "index" over the rows of public."user" (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX "index" ON "user" ("select", "from");

-- Step 6: add check "check" to table "user"
-- hazard constraint-validation: check "check" is validated against every row of public."user"
-- (each statement outside a transaction)
ALTER TABLE "user" ADD CONSTRAINT "check" CHECK ("from" > '2000-01-01');

-- Step 7: add foreign key "references" to table "group"
-- (each statement outside a transaction)
ALTER TABLE "group" ADD CONSTRAINT "references" FOREIGN KEY ("user") REFERENCES "user" (id);
