CREATE DATABASE test_fk_order;
USE test_fk_order;;
(tables e, f, g, d as in scat_fk_targets_table_d);
CREATE TABLE c (i int REFERENCES d);
