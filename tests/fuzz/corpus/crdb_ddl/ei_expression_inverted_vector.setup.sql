CREATE TABLE t (
  k INT PRIMARY KEY,
  a INT,
  b INT,
  c STRING,
  j JSON,
  v VECTOR,
  comp INT AS (a + 10) VIRTUAL,
  INDEX t_a_plus_b_idx ((a + b)),
  INDEX t_lower_c_a_plus_b_idx (lower(c), (a + b)),
  INVERTED INDEX t_b_j_a_asc (b DESC, (j->'a') ASC),
  VECTOR INDEX t_vec (a DESC, (v::VECTOR(3))),
  FAMILY (k, a, b, c, j, v)
)
