CREATE TABLE public.regional_by_row_table (
	pk INT8 NOT NULL,
	pk2 INT8 NOT NULL,
	a INT8 NOT NULL,
	b INT8 NOT NULL,
	j JSONB NULL,
	crdb_region public.crdb_internal_region NOT VISIBLE NOT NULL DEFAULT default_to_database_primary_region(gateway_region())::public.crdb_internal_region,
	CONSTRAINT "primary" PRIMARY KEY (pk ASC),
	INDEX regional_by_row_table_a_idx (a ASC),
	UNIQUE INDEX regional_by_row_table_b_key (b ASC),
	INVERTED INDEX regional_by_row_table_j_idx (j),
	FAMILY fam_0_pk_pk2_a_b_j_crdb_region (pk, pk2, a, b, j, crdb_region)
) LOCALITY REGIONAL BY ROW
