-- strata plan for postgres: 5 steps

-- Step 1: replace function public.touch_updated_at()
create or replace function touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := clock_timestamp();
  return new;
end
$$;

-- Step 2: drop function public.add(int4, int4)
-- hazard routine-callers: drops function public.add(int4, int4): what calls it (queries, defaults, other functions) fails until it is created again (if the plan does), and grants on it go with it
DROP FUNCTION add(int4, int4);

-- Step 3: create function public.add(int4, int4)
create function add(a int, b int default 1) returns bigint immutable strict language sql return a + b;

-- Step 4: drop procedure public.credit(int8, numeric)
-- hazard routine-callers: drops procedure public.credit(int8, numeric): what calls it (queries, defaults, other functions) fails until it is created again (if the plan does), and grants on it go with it
DROP PROCEDURE credit(int8, "numeric");

-- Step 5: create procedure public.credit(int4, numeric)
CREATE PROCEDURE credit(account int, amount numeric) LANGUAGE sql AS $$ UPDATE accounts SET balance = balance + amount WHERE id = account $$;
