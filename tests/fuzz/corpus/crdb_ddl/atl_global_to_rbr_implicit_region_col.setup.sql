DROP TABLE created_as_global;
CREATE TABLE created_as_global (
  pk int primary key,
  i int,
  b int,
  index(b),
  unique(i),
  FAMILY (pk, i, b)
) LOCALITY GLOBAL;
INSERT INTO created_as_global VALUES (0, 1, 2);
ALTER TABLE created_as_global ADD COLUMN crdb_region INT;;
ALTER TABLE created_as_global DROP COLUMN crdb_region;
ROLLBACK;
ALTER TABLE created_as_global SET LOCALITY REGIONAL BY ROW
