-- strata plan for cockroachdb: 1 step

-- Step 1: rebuild enum order_status (values removed or reordered)
-- hazard enum-value-removal: values of enum public.order_status are dropped: fails while a row holds one
-- (each statement outside a transaction)
ALTER TYPE order_status DROP VALUE 'lost';
