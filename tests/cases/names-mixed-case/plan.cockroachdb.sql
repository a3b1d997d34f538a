-- strata plan for cockroachdb: 7 steps

-- Step 1: add value 'InProgress' to enum "OrderState"
-- (each statement outside a transaction)
ALTER TYPE "OrderState" ADD VALUE 'InProgress' BEFORE 'Done';

-- Step 2: create table "Orders"
-- (each statement outside a transaction)
CREATE TABLE "Orders" (
  "Id" bigint NOT NULL,
  "OwnerId" bigint NOT NULL,
  "State" "OrderState" DEFAULT 'New' NOT NULL,
  CONSTRAINT "Orders_pkey" PRIMARY KEY ("Id")
);

-- Step 3: add column "DisplayName" to table "UserAccounts"
-- (each statement outside a transaction)
ALTER TABLE "UserAccounts" ADD COLUMN "DisplayName" text NULL;

-- Step 4: create index "UserAccounts_EmailAddress_idx" on table "UserAccounts"
-- hazard index-build: builds index "UserAccounts_EmailAddress_idx" over the rows of public."UserAccounts" (a backfill job)
-- (each statement outside a transaction)
CREATE UNIQUE INDEX "UserAccounts_EmailAddress_idx" ON "UserAccounts" ("EmailAddress");

-- Step 5: create index "UserAccounts_Lower_Email" on table "UserAccounts"
-- hazard index-build: builds index "UserAccounts_Lower_Email" over the rows of public."UserAccounts" (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX "UserAccounts_Lower_Email" ON "UserAccounts" ((lower("EmailAddress")));

-- Step 6: add check "EmailHasAt" to table "UserAccounts"
-- hazard constraint-validation: check "EmailHasAt" is validated against every row of public."UserAccounts"
-- (each statement outside a transaction)
ALTER TABLE "UserAccounts" ADD CONSTRAINT "EmailHasAt" CHECK ("EmailAddress" LIKE '%@%');

-- Step 7: add foreign key "Orders_OwnerId_fkey" to table "Orders"
-- (each statement outside a transaction)
ALTER TABLE "Orders" ADD CONSTRAINT "Orders_OwnerId_fkey" FOREIGN KEY ("OwnerId") REFERENCES "UserAccounts" ("Id");
