-- strata plan for cockroachdb: 2 steps

-- Step 1: alter sequence countdown
-- (each statement outside a transaction)
ALTER SEQUENCE countdown AS int4 INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 START WITH -1 CACHE 1;

-- Step 2: alter sequence ticket_no
-- (each statement outside a transaction)
ALTER SEQUENCE ticket_no AS bigint INCREMENT BY 5 MINVALUE 1 MAXVALUE 9999999 START WITH 1000 CACHE 1;
