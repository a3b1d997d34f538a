CREATE DATABASE column_family_test;
USE column_family_test;
CREATE TABLE t(x INT, y INT, z INT, h STRING, FAMILY f1 (x, y), FAMILY f2 (z), FAMILY f3(h));
