CREATE TABLE regional_by_table_in_us_east (
  pk INT PRIMARY KEY,
  i INT,
  FAMILY (pk, i)
) LOCALITY REGIONAL BY TABLE IN "us-east-1"
