CREATE TABLE public.t6 (
	b INT8 NULL,
	INDEX t6_a_idx (b ASC) WHERE b > 0:::INT8,
	INDEX t6_a_idx1 (b ASC) WHERE b > 1:::INT8,
	INDEX t6_a_idx2 (b DESC) WHERE b > 2:::INT8,
	UNIQUE INDEX t6_a_key (b ASC) WHERE b > 3:::INT8,
	UNIQUE INDEX t6_a_key1 (b ASC) WHERE b > 4:::INT8,
	UNIQUE INDEX t6_a_key2 (b DESC) WHERE b > 5:::INT8,
	INDEX t6i1 (b ASC) WHERE b > 6:::INT8,
	INDEX t6i2 (b ASC) WHERE b > 7:::INT8,
	INDEX t6i3 (b DESC) WHERE b > 8:::INT8,
	FAMILY "primary" (b, rowid)
)
