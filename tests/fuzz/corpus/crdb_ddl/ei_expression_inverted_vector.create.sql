CREATE TABLE public.t (
	k INT8 NOT NULL,
	a INT8 NULL,
	b INT8 NULL,
	c STRING NULL,
	j JSONB NULL,
	v VECTOR NULL,
	comp INT8 NULL AS (a + 10:::INT8) VIRTUAL,
	CONSTRAINT t_pkey PRIMARY KEY (k ASC),
	INDEX t_a_plus_b_idx ((a + b) ASC),
	INDEX t_lower_c_a_plus_b_idx (lower(c) ASC, (a + b) ASC),
	INVERTED INDEX t_b_j_a_asc (b DESC, (j->'a':::STRING)),
	VECTOR INDEX t_vec (a DESC, (v::VECTOR(3)) vector_l2_ops),
	FAMILY fam_0_k_a_b_c_j_v (k, a, b, c, j, v)
)
