-- strata plan for cockroachdb: 10 steps

-- Step 1: create enum "état"
-- (each statement outside a transaction)
CREATE TYPE "état" AS ENUM ('brouillon', 'publié', 'très ancien');

-- Step 2: create table "配送"
-- (each statement outside a transaction)
CREATE TABLE "配送" (
  "編號" bigint NOT NULL,
  item bigint NOT NULL,
  CONSTRAINT "配送_pkey" PRIMARY KEY ("編號")
);

-- Step 3: add column "unit price" to table "order items"
-- hazard table-rewrite: a backfill writes "unit price" into every row of public."order items"
-- (each statement outside a transaction)
ALTER TABLE "order items" ADD COLUMN "unit price" numeric(10,2) DEFAULT 0 NOT NULL;

-- Step 4: add column "prénom" to table "order items"
-- (each statement outside a transaction)
ALTER TABLE "order items" ADD COLUMN "prénom" text NULL;

-- Step 5: add column "état" to table "order items"
-- hazard table-rewrite: a backfill writes "état" into every row of public."order items"
-- (each statement outside a transaction)
ALTER TABLE "order items" ADD COLUMN "état" "état" DEFAULT 'brouillon' NOT NULL;

-- Step 6: add column "Größe ""XL""" to table "order items"
-- (each statement outside a transaction)
ALTER TABLE "order items" ADD COLUMN "Größe ""XL""" int NULL;

-- Step 7: create index "order items by prénom" on table "order items"
-- hazard index-build: builds index "order items by prénom" over the rows of public."order items" (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX "order items by prénom" ON "order items" ("prénom");

-- Step 8: create index "ünïcödé_idx" on table "order items"
-- hazard index-build: builds index "ünïcödé_idx" over the rows of public."order items" (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX "ünïcödé_idx" ON "order items" ("Größe ""XL""", "unit price");

-- Step 9: add check "price ≥ 0" to table "order items"
-- hazard constraint-validation: check "price ≥ 0" is validated against every row of public."order items"
-- (each statement outside a transaction)
ALTER TABLE "order items" ADD CONSTRAINT "price ≥ 0" CHECK ("unit price" >= 0);

-- Step 10: add foreign key "配送_item_fkey" to table "配送"
-- (each statement outside a transaction)
ALTER TABLE "配送" ADD CONSTRAINT "配送_item_fkey" FOREIGN KEY (item) REFERENCES "order items" (id);
