-- strata plan for cockroachdb: 1 step

-- Step 1: add foreign key invoices_customer_id_fkey to table invoices
-- hazard constraint-validation: foreign key invoices_customer_id_fkey is validated against every row of public.invoices
-- (each statement outside a transaction)
ALTER TABLE invoices ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
