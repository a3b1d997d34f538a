-- strata plan for postgres: 5 steps

-- Step 1: create function public.add(int4, int4)
create function add(a int, b int default 1) returns int immutable strict language sql return a + b;

-- Step 2: create procedure public.credit(int8, numeric)
CREATE PROCEDURE credit(account bigint, amount numeric) LANGUAGE sql AS $$ UPDATE accounts SET balance = balance + amount WHERE id = account $$;

-- Step 3: create function public.total_balance()
CREATE FUNCTION total_balance() RETURNS numeric
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(sum(balance), 0) FROM accounts $$;

-- Step 4: create function public.touch_updated_at()
create function touch_updated_at() returns trigger language plpgsql as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Step 5: create trigger accounts_touch on accounts
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
