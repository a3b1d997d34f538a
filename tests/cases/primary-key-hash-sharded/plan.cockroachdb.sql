-- strata plan for cockroachdb: 2 steps

-- Step 1: create table readings
-- (each statement outside a transaction)
CREATE TABLE readings (
  sensor bigint NOT NULL,
  at timestamptz NOT NULL,
  value double precision NOT NULL,
  CONSTRAINT readings_pkey PRIMARY KEY (sensor, at) USING HASH WITH (bucket_count = 16)
);

-- Step 2: change the primary key of table events
-- hazard primary-key-change: changing the primary key rebuilds public.events and its indexes on the new key
-- hazard table-rewrite: every row of public.events is rewritten
-- (each statement outside a transaction)
ALTER TABLE events DROP CONSTRAINT events_pkey, ADD CONSTRAINT events_pkey PRIMARY KEY (id) USING HASH WITH (bucket_count = 8);
