CREATE DATABASE test_primary_key;;
USE test_primary_key;;
CREATE TABLE test_primary_key.t (
	i int,
	CONSTRAINT pk_name PRIMARY KEY (i)
);
