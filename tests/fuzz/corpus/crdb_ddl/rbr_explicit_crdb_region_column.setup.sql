CREATE TABLE regional_by_row_table_explicit_crdb_region_column (
  pk int PRIMARY KEY,
  a int,
  crdb_region crdb_internal_region,
  FAMILY (pk, a, crdb_region)
)
LOCALITY REGIONAL BY ROW
