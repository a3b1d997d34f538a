CREATE TABLE public.t (
	x INT8 NULL,
	y INT8 NULL,
	z INT8 NULL,
	h STRING NULL,
	rowid INT8 NOT VISIBLE NOT NULL DEFAULT unique_rowid(),
	CONSTRAINT t_pkey PRIMARY KEY (rowid ASC),
	FAMILY f1 (x, y, rowid),
	FAMILY f2 (z),
	FAMILY f3 (h)
)
