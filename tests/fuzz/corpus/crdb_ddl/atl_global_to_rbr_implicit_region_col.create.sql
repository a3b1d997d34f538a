CREATE TABLE public.created_as_global (
	pk INT8 NOT NULL,
	i INT8 NULL,
	b INT8 NULL,
	crdb_region public.crdb_internal_region NOT VISIBLE NOT NULL DEFAULT default_to_database_primary_region(gateway_region())::public.crdb_internal_region,
	CONSTRAINT created_as_global_pkey PRIMARY KEY (pk ASC),
	INDEX created_as_global_b_idx (b ASC),
	UNIQUE INDEX created_as_global_i_key (i ASC),
	FAMILY fam_0_pk_i_b (pk, i, b, crdb_region)
) LOCALITY REGIONAL BY ROW
