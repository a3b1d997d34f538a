-- strata plan for postgres: 2 steps

-- Step 1: alter sequence countdown
ALTER SEQUENCE countdown AS integer INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 START WITH -1 CACHE 1 NO CYCLE;

-- Step 2: alter sequence ticket_no
ALTER SEQUENCE ticket_no AS bigint INCREMENT BY 5 MINVALUE 1 MAXVALUE 9999999 START WITH 1000 CACHE 1 NO CYCLE;
