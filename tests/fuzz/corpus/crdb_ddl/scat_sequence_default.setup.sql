CREATE DATABASE test_fk_order;
USE test_fk_order;;
CREATE SEQUENCE s;;
CREATE TABLE s_tbl (id INT PRIMARY KEY DEFAULT nextval('s'), v INT,  FAMILY f1 (id, v));
