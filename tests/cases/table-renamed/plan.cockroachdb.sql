-- strata plan for cockroachdb: 4 steps

-- Step 1: rename table customer to customers
-- (each statement outside a transaction)
ALTER TABLE customer RENAME TO customers;

-- Step 2: rename index customer_pkey of table customers to customers_pkey
-- (each statement outside a transaction)
ALTER INDEX customers@customer_pkey RENAME TO customers_pkey;

-- Step 3: rename index customer_name_id_key of table customers to customers_name_id_key
-- (each statement outside a transaction)
ALTER INDEX customers@customer_name_id_key RENAME TO customers_name_id_key;

-- Step 4: rename index customer_name_idx of table customers to customers_name_idx
-- (each statement outside a transaction)
ALTER INDEX customers@customer_name_idx RENAME TO customers_name_idx;
