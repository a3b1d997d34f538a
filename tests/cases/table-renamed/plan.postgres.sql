-- strata plan for postgres: 4 steps

-- Step 1: rename table customer to customers
ALTER TABLE customer RENAME TO customers;

-- Step 2: rename index customer_pkey of table customers to customers_pkey
ALTER INDEX customer_pkey RENAME TO customers_pkey;

-- Step 3: rename index customer_name_idx of table customers to customers_name_idx
ALTER INDEX customer_name_idx RENAME TO customers_name_idx;

-- Step 4: rename index customer_name_id_key of table customers to customers_name_id_key
ALTER INDEX customer_name_id_key RENAME TO customers_name_id_key;
