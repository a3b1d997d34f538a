CREATE TABLE public.t8 (
	a INT8 NULL,
	b INT8 NULL,
	INDEX t8_a_idx (a ASC) WHERE b > 0:::INT8,
	FAMILY fam_0_a_b_c_rowid (a, b, rowid)
)
