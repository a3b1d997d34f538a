CREATE TABLE public.regional_by_row_to_regional_by_row_as (
	pk INT8 NOT NULL,
	i INT8 NULL,
	cr public.crdb_internal_region NOT NULL DEFAULT 'ap-southeast-2':::public.crdb_internal_region,
	crdb_region public.crdb_internal_region NOT VISIBLE NOT NULL DEFAULT default_to_database_primary_region(gateway_region())::public.crdb_internal_region,
	CONSTRAINT regional_by_row_to_regional_by_row_as_pkey PRIMARY KEY (pk ASC),
	INDEX regional_by_row_to_regional_by_row_as_i_idx (i ASC),
	FAMILY fam_0_pk_i_cr_crdb_region (pk, i, cr, crdb_region)
) LOCALITY REGIONAL BY ROW AS cr
