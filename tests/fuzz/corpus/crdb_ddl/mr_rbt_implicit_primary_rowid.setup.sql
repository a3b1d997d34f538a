CREATE TABLE regional_implicit_primary_region_table (a int) LOCALITY REGIONAL BY TABLE
