-- strata plan for cockroachdb: 5 steps

-- Step 1: create table a
-- (each statement outside a transaction)
CREATE TABLE a (
  id bigint NOT NULL,
  b_id bigint NULL,
  CONSTRAINT a_pkey PRIMARY KEY (id)
);

-- Step 2: create table b
-- (each statement outside a transaction)
CREATE TABLE b (
  id bigint NOT NULL,
  a_id bigint NULL,
  parent bigint NULL,
  CONSTRAINT b_pkey PRIMARY KEY (id)
);

-- Step 3: add foreign key a_b_id_fkey to table a
-- (each statement outside a transaction)
ALTER TABLE a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES b (id);

-- Step 4: add foreign key b_a_id_fkey to table b
-- (each statement outside a transaction)
ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id);

-- Step 5: add foreign key b_parent_fkey to table b
-- (each statement outside a transaction)
ALTER TABLE b ADD CONSTRAINT b_parent_fkey FOREIGN KEY (parent) REFERENCES b (id);
