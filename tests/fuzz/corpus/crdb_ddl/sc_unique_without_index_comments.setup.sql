CREATE TABLE c (
  a INT NOT NULL,
  b INT NULL,
  INDEX c_a_b_idx (a ASC, b ASC),
  UNIQUE WITHOUT INDEX (a, b),
  CONSTRAINT unique_a_partial UNIQUE WITHOUT INDEX (a) WHERE b > 0,
  FAMILY fam_0_a_rowid (a, rowid),
  FAMILY fam_1_b (b)
);
COMMENT ON TABLE c IS 'table';
COMMENT ON COLUMN c.a IS 'column';
COMMENT ON INDEX c_a_b_idx IS 'index';
CREATE TABLE d (d INT PRIMARY KEY)
