CREATE TABLE public.regional_by_row (
	pk INT8 NOT NULL,
	i INT8 NULL,
	crdb_region public.crdb_internal_region NOT VISIBLE NOT NULL DEFAULT default_to_database_primary_region(gateway_region())::public.crdb_internal_region,
	CONSTRAINT regional_by_row_pkey PRIMARY KEY (pk ASC),
	INDEX regional_by_row_i_idx (i ASC),
	FAMILY fam_0_pk_i_crdb_region (pk, i, crdb_region)
) LOCALITY REGIONAL BY ROW
