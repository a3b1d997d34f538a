CREATE TABLE %s (i INT8, f FLOAT, s STRING, d DATE,
  FAMILY "primary" (i, f, d, rowid),
  FAMILY fam_1_s (s));
CREATE INDEX idx_if on %[1]s (f, i) STORING (s, d);
CREATE UNIQUE INDEX on %[1]s (d)
