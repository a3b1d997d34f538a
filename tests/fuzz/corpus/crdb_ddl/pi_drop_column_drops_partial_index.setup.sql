CREATE TABLE t8 (
    a INT,
    b INT,
    c STRING,
    INDEX (a) WHERE b > 0,
    INDEX (a) WHERE c = 'foo',
    FAMILY (a, b, c)
);
ALTER TABLE t8 DROP COLUMN c
