CREATE TABLE public.regional_primary_region_table (
	a INT8 NULL,
	rowid INT8 NOT VISIBLE NOT NULL DEFAULT unique_rowid(),
	CONSTRAINT "primary" PRIMARY KEY (rowid ASC),
	FAMILY "primary" (a, rowid)
) LOCALITY REGIONAL BY TABLE IN PRIMARY REGION
