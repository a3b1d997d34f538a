-- strata plan for cockroachdb: 3 steps

-- Step 1: add column manager_id to table employees
-- (each statement outside a transaction)
ALTER TABLE employees ADD COLUMN manager_id bigint NULL;

-- Step 2: create index employees_manager_id_idx on table employees
-- hazard index-build: builds index employees_manager_id_idx over the rows of public.employees (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX employees_manager_id_idx ON employees (manager_id);

-- Step 3: add foreign key employees_manager_id_fkey to table employees
-- hazard constraint-validation: foreign key employees_manager_id_fkey is validated against every row of public.employees
-- (each statement outside a transaction)
ALTER TABLE employees ADD CONSTRAINT employees_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES employees (id) ON DELETE SET NULL;
