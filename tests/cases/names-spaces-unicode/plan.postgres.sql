-- strata plan for postgres: 10 steps

-- Step 1: create enum "état"
CREATE TYPE "état" AS ENUM ('brouillon', 'publié', 'très ancien');

-- Step 2: create table "配送"
CREATE TABLE "配送" (
  "編號" bigint NOT NULL,
  item bigint NOT NULL,
  CONSTRAINT "配送_pkey" PRIMARY KEY ("編號")
);

-- Step 3: add column "unit price" to table "order items"
ALTER TABLE "order items" ADD COLUMN "unit price" numeric(10,2) DEFAULT 0 NOT NULL;

-- Step 4: add column "prénom" to table "order items"
ALTER TABLE "order items" ADD COLUMN "prénom" text;

-- Step 5: add column "état" to table "order items"
ALTER TABLE "order items" ADD COLUMN "état" "état" DEFAULT 'brouillon' NOT NULL;

-- Step 6: add column "Größe ""XL""" to table "order items"
ALTER TABLE "order items" ADD COLUMN "Größe ""XL""" int;

-- Step 7: create index "order items by prénom" on table "order items"
-- hazard index-build: builds index "order items by prénom" over the rows of public."order items" (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS "order items by prénom";
CREATE INDEX CONCURRENTLY "order items by prénom" ON "order items" ("prénom");

-- Step 8: create index "ünïcödé_idx" on table "order items"
-- hazard index-build: builds index "ünïcödé_idx" over the rows of public."order items" (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS "ünïcödé_idx";
CREATE INDEX CONCURRENTLY "ünïcödé_idx" ON "order items" ("Größe ""XL""", "unit price");

-- Step 9: add check "price ≥ 0" to table "order items"
-- hazard constraint-validation: VALIDATE CONSTRAINT "price ≥ 0" checks every row of public."order items"
-- (each statement outside a transaction)
ALTER TABLE "order items" DROP CONSTRAINT IF EXISTS "price ≥ 0", ADD CONSTRAINT "price ≥ 0" CHECK ("unit price" >= 0) NOT VALID;
ALTER TABLE "order items" VALIDATE CONSTRAINT "price ≥ 0";

-- Step 10: add foreign key "配送_item_fkey" to table "配送"
ALTER TABLE "配送" ADD CONSTRAINT "配送_item_fkey" FOREIGN KEY (item) REFERENCES "order items" (id);
