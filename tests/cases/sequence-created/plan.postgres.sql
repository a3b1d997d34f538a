-- strata plan for postgres: 2 steps

-- Step 1: create sequence countdown
CREATE SEQUENCE countdown AS integer INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 START WITH -1 CACHE 1 CYCLE;

-- Step 2: create sequence ticket_no
CREATE SEQUENCE ticket_no AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 20;
