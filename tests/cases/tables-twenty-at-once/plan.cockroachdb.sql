-- strata plan for cockroachdb: 68 steps

-- Step 1: add column parent_id to table t01
-- (each statement outside a transaction)
ALTER TABLE t01 ADD COLUMN parent_id bigint NULL;

-- Step 2: add column parent_id to table t02
-- (each statement outside a transaction)
ALTER TABLE t02 ADD COLUMN parent_id bigint NULL;

-- Step 3: add column parent_id to table t03
-- (each statement outside a transaction)
ALTER TABLE t03 ADD COLUMN parent_id bigint NULL;

-- Step 4: add column parent_id to table t04
-- (each statement outside a transaction)
ALTER TABLE t04 ADD COLUMN parent_id bigint NULL;

-- Step 5: add column parent_id to table t05
-- (each statement outside a transaction)
ALTER TABLE t05 ADD COLUMN parent_id bigint NULL;

-- Step 6: add column parent_id to table t06
-- (each statement outside a transaction)
ALTER TABLE t06 ADD COLUMN parent_id bigint NULL;

-- Step 7: add column parent_id to table t07
-- (each statement outside a transaction)
ALTER TABLE t07 ADD COLUMN parent_id bigint NULL;

-- Step 8: add column parent_id to table t08
-- (each statement outside a transaction)
ALTER TABLE t08 ADD COLUMN parent_id bigint NULL;

-- Step 9: add column parent_id to table t09
-- (each statement outside a transaction)
ALTER TABLE t09 ADD COLUMN parent_id bigint NULL;

-- Step 10: add column parent_id to table t10
-- (each statement outside a transaction)
ALTER TABLE t10 ADD COLUMN parent_id bigint NULL;

-- Step 11: add column parent_id to table t11
-- (each statement outside a transaction)
ALTER TABLE t11 ADD COLUMN parent_id bigint NULL;

-- Step 12: add column parent_id to table t12
-- (each statement outside a transaction)
ALTER TABLE t12 ADD COLUMN parent_id bigint NULL;

-- Step 13: add column parent_id to table t13
-- (each statement outside a transaction)
ALTER TABLE t13 ADD COLUMN parent_id bigint NULL;

-- Step 14: add column parent_id to table t14
-- (each statement outside a transaction)
ALTER TABLE t14 ADD COLUMN parent_id bigint NULL;

-- Step 15: add column parent_id to table t15
-- (each statement outside a transaction)
ALTER TABLE t15 ADD COLUMN parent_id bigint NULL;

-- Step 16: add column parent_id to table t16
-- (each statement outside a transaction)
ALTER TABLE t16 ADD COLUMN parent_id bigint NULL;

-- Step 17: add column parent_id to table t17
-- (each statement outside a transaction)
ALTER TABLE t17 ADD COLUMN parent_id bigint NULL;

-- Step 18: add column parent_id to table t18
-- (each statement outside a transaction)
ALTER TABLE t18 ADD COLUMN parent_id bigint NULL;

-- Step 19: add column parent_id to table t19
-- (each statement outside a transaction)
ALTER TABLE t19 ADD COLUMN parent_id bigint NULL;

-- Step 20: add column parent_id to table t20
-- (each statement outside a transaction)
ALTER TABLE t20 ADD COLUMN parent_id bigint NULL;

-- Step 21: change type of column name of table t05
-- hazard data-loss: name changes from text to varchar(100): values may not fit or may fail to convert
-- hazard table-rewrite: converting name rewrites public.t05
-- (each statement outside a transaction)
SET enable_experimental_alter_column_type_general = true;
ALTER TABLE t05 ALTER COLUMN name SET DATA TYPE varchar(100);

-- Step 22: change type of column name of table t10
-- hazard data-loss: name changes from text to varchar(100): values may not fit or may fail to convert
-- hazard table-rewrite: converting name rewrites public.t10
-- (each statement outside a transaction)
SET enable_experimental_alter_column_type_general = true;
ALTER TABLE t10 ALTER COLUMN name SET DATA TYPE varchar(100);

-- Step 23: change type of column name of table t15
-- hazard data-loss: name changes from text to varchar(100): values may not fit or may fail to convert
-- hazard table-rewrite: converting name rewrites public.t15
-- (each statement outside a transaction)
SET enable_experimental_alter_column_type_general = true;
ALTER TABLE t15 ALTER COLUMN name SET DATA TYPE varchar(100);

-- Step 24: change type of column name of table t20
-- hazard data-loss: name changes from text to varchar(100): values may not fit or may fail to convert
-- hazard table-rewrite: converting name rewrites public.t20
-- (each statement outside a transaction)
SET enable_experimental_alter_column_type_general = true;
ALTER TABLE t20 ALTER COLUMN name SET DATA TYPE varchar(100);

-- Step 25: create index t01_parent_id_idx on table t01
-- hazard index-build: builds index t01_parent_id_idx over the rows of public.t01 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t01_parent_id_idx ON t01 (parent_id);

-- Step 26: create index t02_parent_id_idx on table t02
-- hazard index-build: builds index t02_parent_id_idx over the rows of public.t02 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t02_parent_id_idx ON t02 (parent_id);

-- Step 27: create index t03_parent_id_idx on table t03
-- hazard index-build: builds index t03_parent_id_idx over the rows of public.t03 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t03_parent_id_idx ON t03 (parent_id);

-- Step 28: create index t04_parent_id_idx on table t04
-- hazard index-build: builds index t04_parent_id_idx over the rows of public.t04 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t04_parent_id_idx ON t04 (parent_id);

-- Step 29: create index t05_parent_id_idx on table t05
-- hazard index-build: builds index t05_parent_id_idx over the rows of public.t05 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t05_parent_id_idx ON t05 (parent_id);

-- Step 30: create index t06_parent_id_idx on table t06
-- hazard index-build: builds index t06_parent_id_idx over the rows of public.t06 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t06_parent_id_idx ON t06 (parent_id);

-- Step 31: create index t07_parent_id_idx on table t07
-- hazard index-build: builds index t07_parent_id_idx over the rows of public.t07 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t07_parent_id_idx ON t07 (parent_id);

-- Step 32: create index t08_parent_id_idx on table t08
-- hazard index-build: builds index t08_parent_id_idx over the rows of public.t08 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t08_parent_id_idx ON t08 (parent_id);

-- Step 33: create index t09_parent_id_idx on table t09
-- hazard index-build: builds index t09_parent_id_idx over the rows of public.t09 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t09_parent_id_idx ON t09 (parent_id);

-- Step 34: create index t10_parent_id_idx on table t10
-- hazard index-build: builds index t10_parent_id_idx over the rows of public.t10 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t10_parent_id_idx ON t10 (parent_id);

-- Step 35: create index t11_parent_id_idx on table t11
-- hazard index-build: builds index t11_parent_id_idx over the rows of public.t11 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t11_parent_id_idx ON t11 (parent_id);

-- Step 36: create index t12_parent_id_idx on table t12
-- hazard index-build: builds index t12_parent_id_idx over the rows of public.t12 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t12_parent_id_idx ON t12 (parent_id);

-- Step 37: create index t13_parent_id_idx on table t13
-- hazard index-build: builds index t13_parent_id_idx over the rows of public.t13 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t13_parent_id_idx ON t13 (parent_id);

-- Step 38: create index t14_parent_id_idx on table t14
-- hazard index-build: builds index t14_parent_id_idx over the rows of public.t14 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t14_parent_id_idx ON t14 (parent_id);

-- Step 39: create index t15_parent_id_idx on table t15
-- hazard index-build: builds index t15_parent_id_idx over the rows of public.t15 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t15_parent_id_idx ON t15 (parent_id);

-- Step 40: create index t16_parent_id_idx on table t16
-- hazard index-build: builds index t16_parent_id_idx over the rows of public.t16 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t16_parent_id_idx ON t16 (parent_id);

-- Step 41: create index t17_parent_id_idx on table t17
-- hazard index-build: builds index t17_parent_id_idx over the rows of public.t17 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t17_parent_id_idx ON t17 (parent_id);

-- Step 42: create index t18_parent_id_idx on table t18
-- hazard index-build: builds index t18_parent_id_idx over the rows of public.t18 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t18_parent_id_idx ON t18 (parent_id);

-- Step 43: create index t19_parent_id_idx on table t19
-- hazard index-build: builds index t19_parent_id_idx over the rows of public.t19 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t19_parent_id_idx ON t19 (parent_id);

-- Step 44: create index t20_parent_id_idx on table t20
-- hazard index-build: builds index t20_parent_id_idx over the rows of public.t20 (a backfill job)
-- (each statement outside a transaction)
CREATE INDEX t20_parent_id_idx ON t20 (parent_id);

-- Step 45: add check name_not_blank to table t05
-- hazard constraint-validation: check name_not_blank is validated against every row of public.t05
-- (each statement outside a transaction)
ALTER TABLE t05 ADD CONSTRAINT name_not_blank CHECK (name <> '');

-- Step 46: add check name_not_blank to table t10
-- hazard constraint-validation: check name_not_blank is validated against every row of public.t10
-- (each statement outside a transaction)
ALTER TABLE t10 ADD CONSTRAINT name_not_blank CHECK (name <> '');

-- Step 47: add check name_not_blank to table t15
-- hazard constraint-validation: check name_not_blank is validated against every row of public.t15
-- (each statement outside a transaction)
ALTER TABLE t15 ADD CONSTRAINT name_not_blank CHECK (name <> '');

-- Step 48: add check name_not_blank to table t20
-- hazard constraint-validation: check name_not_blank is validated against every row of public.t20
-- (each statement outside a transaction)
ALTER TABLE t20 ADD CONSTRAINT name_not_blank CHECK (name <> '');

-- Step 49: add foreign key t01_parent_id_fkey to table t01
-- hazard constraint-validation: foreign key t01_parent_id_fkey is validated against every row of public.t01
-- (each statement outside a transaction)
ALTER TABLE t01 ADD CONSTRAINT t01_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t20 (id);

-- Step 50: add foreign key t02_parent_id_fkey to table t02
-- hazard constraint-validation: foreign key t02_parent_id_fkey is validated against every row of public.t02
-- (each statement outside a transaction)
ALTER TABLE t02 ADD CONSTRAINT t02_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t01 (id);

-- Step 51: add foreign key t03_parent_id_fkey to table t03
-- hazard constraint-validation: foreign key t03_parent_id_fkey is validated against every row of public.t03
-- (each statement outside a transaction)
ALTER TABLE t03 ADD CONSTRAINT t03_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t02 (id);

-- Step 52: add foreign key t04_parent_id_fkey to table t04
-- hazard constraint-validation: foreign key t04_parent_id_fkey is validated against every row of public.t04
-- (each statement outside a transaction)
ALTER TABLE t04 ADD CONSTRAINT t04_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t03 (id);

-- Step 53: add foreign key t05_parent_id_fkey to table t05
-- hazard constraint-validation: foreign key t05_parent_id_fkey is validated against every row of public.t05
-- (each statement outside a transaction)
ALTER TABLE t05 ADD CONSTRAINT t05_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t04 (id);

-- Step 54: add foreign key t06_parent_id_fkey to table t06
-- hazard constraint-validation: foreign key t06_parent_id_fkey is validated against every row of public.t06
-- (each statement outside a transaction)
ALTER TABLE t06 ADD CONSTRAINT t06_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t05 (id);

-- Step 55: add foreign key t07_parent_id_fkey to table t07
-- hazard constraint-validation: foreign key t07_parent_id_fkey is validated against every row of public.t07
-- (each statement outside a transaction)
ALTER TABLE t07 ADD CONSTRAINT t07_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t06 (id);

-- Step 56: add foreign key t08_parent_id_fkey to table t08
-- hazard constraint-validation: foreign key t08_parent_id_fkey is validated against every row of public.t08
-- (each statement outside a transaction)
ALTER TABLE t08 ADD CONSTRAINT t08_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t07 (id);

-- Step 57: add foreign key t09_parent_id_fkey to table t09
-- hazard constraint-validation: foreign key t09_parent_id_fkey is validated against every row of public.t09
-- (each statement outside a transaction)
ALTER TABLE t09 ADD CONSTRAINT t09_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t08 (id);

-- Step 58: add foreign key t10_parent_id_fkey to table t10
-- hazard constraint-validation: foreign key t10_parent_id_fkey is validated against every row of public.t10
-- (each statement outside a transaction)
ALTER TABLE t10 ADD CONSTRAINT t10_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t09 (id);

-- Step 59: add foreign key t11_parent_id_fkey to table t11
-- hazard constraint-validation: foreign key t11_parent_id_fkey is validated against every row of public.t11
-- (each statement outside a transaction)
ALTER TABLE t11 ADD CONSTRAINT t11_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t10 (id);

-- Step 60: add foreign key t12_parent_id_fkey to table t12
-- hazard constraint-validation: foreign key t12_parent_id_fkey is validated against every row of public.t12
-- (each statement outside a transaction)
ALTER TABLE t12 ADD CONSTRAINT t12_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t11 (id);

-- Step 61: add foreign key t13_parent_id_fkey to table t13
-- hazard constraint-validation: foreign key t13_parent_id_fkey is validated against every row of public.t13
-- (each statement outside a transaction)
ALTER TABLE t13 ADD CONSTRAINT t13_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t12 (id);

-- Step 62: add foreign key t14_parent_id_fkey to table t14
-- hazard constraint-validation: foreign key t14_parent_id_fkey is validated against every row of public.t14
-- (each statement outside a transaction)
ALTER TABLE t14 ADD CONSTRAINT t14_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t13 (id);

-- Step 63: add foreign key t15_parent_id_fkey to table t15
-- hazard constraint-validation: foreign key t15_parent_id_fkey is validated against every row of public.t15
-- (each statement outside a transaction)
ALTER TABLE t15 ADD CONSTRAINT t15_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t14 (id);

-- Step 64: add foreign key t16_parent_id_fkey to table t16
-- hazard constraint-validation: foreign key t16_parent_id_fkey is validated against every row of public.t16
-- (each statement outside a transaction)
ALTER TABLE t16 ADD CONSTRAINT t16_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t15 (id);

-- Step 65: add foreign key t17_parent_id_fkey to table t17
-- hazard constraint-validation: foreign key t17_parent_id_fkey is validated against every row of public.t17
-- (each statement outside a transaction)
ALTER TABLE t17 ADD CONSTRAINT t17_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t16 (id);

-- Step 66: add foreign key t18_parent_id_fkey to table t18
-- hazard constraint-validation: foreign key t18_parent_id_fkey is validated against every row of public.t18
-- (each statement outside a transaction)
ALTER TABLE t18 ADD CONSTRAINT t18_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t17 (id);

-- Step 67: add foreign key t19_parent_id_fkey to table t19
-- hazard constraint-validation: foreign key t19_parent_id_fkey is validated against every row of public.t19
-- (each statement outside a transaction)
ALTER TABLE t19 ADD CONSTRAINT t19_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t18 (id);

-- Step 68: add foreign key t20_parent_id_fkey to table t20
-- hazard constraint-validation: foreign key t20_parent_id_fkey is validated against every row of public.t20
-- (each statement outside a transaction)
ALTER TABLE t20 ADD CONSTRAINT t20_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES t19 (id);
