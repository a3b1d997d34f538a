CREATE TABLE regional_by_row_as_to_regional_by_row (
  pk INT PRIMARY KEY,
  i INT,
  cr crdb_internal_region NOT NULL DEFAULT 'ap-southeast-2',
  INDEX(i),
  FAMILY (cr, pk, i)
) LOCALITY REGIONAL BY ROW AS "cr";
INSERT INTO regional_by_row_as_to_regional_by_row (pk, i) VALUES (1, 1);
ALTER TABLE regional_by_row_as_to_regional_by_row SET LOCALITY REGIONAL BY ROW
