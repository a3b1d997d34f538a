-- strata plan for postgres: 7 steps

-- Step 1: add value 'InProgress' to enum "OrderState"
-- (each statement outside a transaction)
ALTER TYPE "OrderState" ADD VALUE 'InProgress' BEFORE 'Done';

-- Step 2: create table "Orders"
CREATE TABLE "Orders" (
  "Id" bigint NOT NULL,
  "OwnerId" bigint NOT NULL,
  "State" "OrderState" DEFAULT 'New' NOT NULL,
  CONSTRAINT "Orders_pkey" PRIMARY KEY ("Id")
);

-- Step 3: add column "DisplayName" to table "UserAccounts"
ALTER TABLE "UserAccounts" ADD COLUMN "DisplayName" text;

-- Step 4: create index "UserAccounts_EmailAddress_idx" on table "UserAccounts"
-- hazard index-build: builds index "UserAccounts_EmailAddress_idx" over the rows of public."UserAccounts" (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS "UserAccounts_EmailAddress_idx";
CREATE UNIQUE INDEX CONCURRENTLY "UserAccounts_EmailAddress_idx" ON "UserAccounts" ("EmailAddress");

-- Step 5: create index "UserAccounts_Lower_Email" on table "UserAccounts"
-- hazard index-build: builds index "UserAccounts_Lower_Email" over the rows of public."UserAccounts" (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS "UserAccounts_Lower_Email";
CREATE INDEX CONCURRENTLY "UserAccounts_Lower_Email" ON "UserAccounts" ((lower("EmailAddress")));

-- Step 6: add check "EmailHasAt" to table "UserAccounts"
-- hazard constraint-validation: VALIDATE CONSTRAINT "EmailHasAt" checks every row of public."UserAccounts"
-- (each statement outside a transaction)
ALTER TABLE "UserAccounts" DROP CONSTRAINT IF EXISTS "EmailHasAt", ADD CONSTRAINT "EmailHasAt" CHECK ("EmailAddress" LIKE '%@%') NOT VALID;
ALTER TABLE "UserAccounts" VALIDATE CONSTRAINT "EmailHasAt";

-- Step 7: add foreign key "Orders_OwnerId_fkey" to table "Orders"
ALTER TABLE "Orders" ADD CONSTRAINT "Orders_OwnerId_fkey" FOREIGN KEY ("OwnerId") REFERENCES "UserAccounts" ("Id");
