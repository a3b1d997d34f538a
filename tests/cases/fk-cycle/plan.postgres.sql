-- strata plan for postgres: 5 steps

-- Step 1: create table a
CREATE TABLE a (
  id bigint NOT NULL,
  b_id bigint,
  CONSTRAINT a_pkey PRIMARY KEY (id)
);

-- Step 2: create table b
CREATE TABLE b (
  id bigint NOT NULL,
  a_id bigint,
  parent bigint,
  CONSTRAINT b_pkey PRIMARY KEY (id)
);

-- Step 3: add foreign key a_b_id_fkey to table a
ALTER TABLE a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES b (id);

-- Step 4: add foreign key b_a_id_fkey to table b
ALTER TABLE b ADD CONSTRAINT b_a_id_fkey FOREIGN KEY (a_id) REFERENCES a (id);

-- Step 5: add foreign key b_parent_fkey to table b
ALTER TABLE b ADD CONSTRAINT b_parent_fkey FOREIGN KEY (parent) REFERENCES b (id);
