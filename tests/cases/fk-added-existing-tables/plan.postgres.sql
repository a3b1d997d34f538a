-- strata plan for postgres: 1 step

-- Step 1: add foreign key invoices_customer_id_fkey to table invoices
-- hazard constraint-validation: VALIDATE CONSTRAINT invoices_customer_id_fkey checks every row of public.invoices
-- (each statement outside a transaction)
ALTER TABLE invoices DROP CONSTRAINT IF EXISTS invoices_customer_id_fkey, ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_customer_id_fkey;
