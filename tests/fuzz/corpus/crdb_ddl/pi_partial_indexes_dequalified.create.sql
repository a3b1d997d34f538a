CREATE TABLE public.t6 (
	a INT8 NULL,
	INDEX t6_a_idx (a ASC) WHERE a > 0:::INT8,
	INDEX t6_a_idx1 (a ASC) WHERE a > 1:::INT8,
	INDEX t6_a_idx2 (a DESC) WHERE a > 2:::INT8,
	UNIQUE INDEX t6_a_key (a ASC) WHERE a > 3:::INT8,
	UNIQUE INDEX t6_a_key1 (a ASC) WHERE a > 4:::INT8,
	UNIQUE INDEX t6_a_key2 (a DESC) WHERE a > 5:::INT8,
	INDEX t6i1 (a ASC) WHERE a > 6:::INT8,
	INDEX t6i2 (a ASC) WHERE a > 7:::INT8,
	INDEX t6i3 (a DESC) WHERE a > 8:::INT8,
	FAMILY "primary" (a, rowid)
)
