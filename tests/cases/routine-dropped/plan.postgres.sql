-- strata plan for postgres: 4 steps

-- Step 1: drop trigger accounts_touch on accounts
-- hazard trigger-dropped: drops trigger accounts_touch on public.accounts: writes to the table no longer run it, or, if the plan creates it again, writes between the two steps do not; DROP TRIGGER takes an ACCESS EXCLUSIVE lock
DROP TRIGGER accounts_touch ON accounts;

-- Step 2: drop function public.add(int4, int4)
-- hazard routine-callers: drops function public.add(int4, int4): what calls it (queries, defaults, other functions) fails until it is created again (if the plan does), and grants on it go with it
DROP FUNCTION add(int4, int4);

-- Step 3: drop procedure public.credit(int8, numeric)
-- hazard routine-callers: drops procedure public.credit(int8, numeric): what calls it (queries, defaults, other functions) fails until it is created again (if the plan does), and grants on it go with it
DROP PROCEDURE credit(int8, "numeric");

-- Step 4: drop function public.touch_updated_at()
-- hazard routine-callers: drops function public.touch_updated_at(): what calls it (queries, defaults, other functions) fails until it is created again (if the plan does), and grants on it go with it
DROP FUNCTION touch_updated_at();
