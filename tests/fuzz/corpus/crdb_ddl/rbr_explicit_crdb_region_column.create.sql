CREATE TABLE public.regional_by_row_table_explicit_crdb_region_column (
	pk INT8 NOT NULL,
	a INT8 NULL,
	crdb_region public.crdb_internal_region NOT NULL,
	CONSTRAINT "primary" PRIMARY KEY (pk ASC),
	FAMILY fam_0_pk_a_crdb_region (pk, a, crdb_region)
) LOCALITY REGIONAL BY ROW
