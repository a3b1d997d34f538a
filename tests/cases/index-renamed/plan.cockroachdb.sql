-- strata plan for cockroachdb: 2 steps

-- Step 1: rename index idx_sku of table products to products_sku_key_idx
-- (each statement outside a transaction)
ALTER INDEX products@idx_sku RENAME TO products_sku_key_idx;

-- Step 2: rename index idx_title_lower of table products to products_title_lower_idx
-- (each statement outside a transaction)
ALTER INDEX products@idx_title_lower RENAME TO products_title_lower_idx;
