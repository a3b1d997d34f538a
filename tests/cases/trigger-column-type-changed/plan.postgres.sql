-- strata plan for postgres: 3 steps

-- Step 1: drop trigger accounts_touch_balance on accounts
-- hazard trigger-dropped: drops trigger accounts_touch_balance on public.accounts: writes to the table no longer run it, or, if the plan creates it again, writes between the two steps do not; DROP TRIGGER takes an ACCESS EXCLUSIVE lock
DROP TRIGGER accounts_touch_balance ON accounts;

-- Step 2: change type of column balance of table accounts
-- hazard table-rewrite: converting balance rewrites public.accounts and its indexes
-- hazard blocking-lock: the rewrite holds an ACCESS EXCLUSIVE lock on public.accounts
ALTER TABLE accounts ALTER COLUMN balance TYPE bigint USING balance::bigint;

-- Step 3: create trigger accounts_touch_balance on accounts
CREATE TRIGGER accounts_touch_balance BEFORE UPDATE OF balance ON accounts FOR EACH ROW WHEN (old.balance IS DISTINCT FROM new.balance) EXECUTE FUNCTION touch_updated_at();
