-- strata plan for postgres: 4 steps

-- Step 1: drop trigger accounts_touch on accounts
-- hazard trigger-dropped: drops trigger accounts_touch on public.accounts: writes to the table no longer run it, or, if the plan creates it again, writes between the two steps do not; DROP TRIGGER takes an ACCESS EXCLUSIVE lock
DROP TRIGGER accounts_touch ON accounts;

-- Step 2: create trigger accounts_guard on accounts
CREATE TRIGGER accounts_guard BEFORE UPDATE ON accounts FOR EACH ROW
  WHEN (NEW.balance BETWEEN -100 AND 1000000 AND NEW.id IN (1, 2, -3) AND NEW.id::text LIKE '1%'
        AND NEW.balance NOT BETWEEN -5.5 AND -1)
  EXECUTE FUNCTION touch_updated_at();

-- Step 3: create trigger accounts_touch on accounts
CREATE TRIGGER accounts_touch BEFORE INSERT OR UPDATE ON public.accounts FOR EACH ROW EXECUTE PROCEDURE touch_updated_at();

-- Step 4: create trigger accounts_touch_balance on accounts
CREATE TRIGGER accounts_touch_balance BEFORE UPDATE OF balance ON accounts FOR EACH ROW WHEN (old.balance IS DISTINCT FROM new.balance) EXECUTE FUNCTION touch_updated_at();
