-- strata plan for cockroachdb: 2 steps

-- Step 1: rename index badges_code_idx of table badges to badges_code_key
-- (each statement outside a transaction)
ALTER INDEX badges@badges_code_idx RENAME TO badges_code_key;

-- Step 2: rename index members_email_key of table members to members_email_idx
-- (each statement outside a transaction)
ALTER INDEX members@members_email_key RENAME TO members_email_idx;
