-- strata plan for cockroachdb: 2 steps

-- Step 1: drop foreign key sessions_account_id_fkey of table sessions
-- (each statement outside a transaction)
ALTER TABLE sessions DROP CONSTRAINT sessions_account_id_fkey;

-- Step 2: add foreign key sessions_account_id_fkey to table sessions
-- hazard constraint-validation: foreign key sessions_account_id_fkey is validated against every row of public.sessions
-- (each statement outside a transaction)
ALTER TABLE sessions ADD CONSTRAINT sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL ON UPDATE CASCADE;
