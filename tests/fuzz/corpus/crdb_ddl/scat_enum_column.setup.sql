CREATE DATABASE type_test;
USE type_test;
CREATE TYPE test AS enum();
CREATE TABLE t(x test);
