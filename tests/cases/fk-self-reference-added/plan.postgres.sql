-- strata plan for postgres: 3 steps

-- Step 1: add column manager_id to table employees
ALTER TABLE employees ADD COLUMN manager_id bigint;

-- Step 2: create index employees_manager_id_idx on table employees
-- hazard index-build: builds index employees_manager_id_idx over the rows of public.employees (CONCURRENTLY: writes go on)
-- (each statement outside a transaction)
DROP INDEX CONCURRENTLY IF EXISTS employees_manager_id_idx;
CREATE INDEX CONCURRENTLY employees_manager_id_idx ON employees (manager_id);

-- Step 3: add foreign key employees_manager_id_fkey to table employees
-- hazard constraint-validation: VALIDATE CONSTRAINT employees_manager_id_fkey checks every row of public.employees
-- (each statement outside a transaction)
ALTER TABLE employees DROP CONSTRAINT IF EXISTS employees_manager_id_fkey, ADD CONSTRAINT employees_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES employees (id) ON DELETE SET NULL NOT VALID;
ALTER TABLE employees VALIDATE CONSTRAINT employees_manager_id_fkey;
