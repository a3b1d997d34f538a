CREATE TABLE global_table (a int) LOCALITY GLOBAL
