-- strata plan for postgres: 2 steps

-- Step 1: drop foreign key sessions_account_id_fkey of table sessions
ALTER TABLE sessions DROP CONSTRAINT sessions_account_id_fkey;

-- Step 2: add foreign key sessions_account_id_fkey to table sessions
-- hazard constraint-validation: VALIDATE CONSTRAINT sessions_account_id_fkey checks every row of public.sessions
-- (each statement outside a transaction)
ALTER TABLE sessions DROP CONSTRAINT IF EXISTS sessions_account_id_fkey, ADD CONSTRAINT sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL ON UPDATE CASCADE NOT VALID;
ALTER TABLE sessions VALIDATE CONSTRAINT sessions_account_id_fkey;
