CREATE TABLE public.global_table (
	a INT8 NULL,
	rowid INT8 NOT VISIBLE NOT NULL DEFAULT unique_rowid(),
	CONSTRAINT "primary" PRIMARY KEY (rowid ASC),
	FAMILY "primary" (a, rowid)
) LOCALITY GLOBAL
