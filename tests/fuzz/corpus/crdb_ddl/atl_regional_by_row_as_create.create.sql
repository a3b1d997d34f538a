CREATE TABLE public.regional_by_row_as (
	pk INT8 NOT NULL,
	i INT8 NULL,
	cr public.crdb_internal_region NOT NULL DEFAULT 'ap-southeast-2':::public.crdb_internal_region,
	CONSTRAINT regional_by_row_as_pkey PRIMARY KEY (pk ASC),
	INDEX regional_by_row_as_i_idx (i ASC),
	FAMILY fam_0_cr_pk_i (cr, pk, i)
) LOCALITY REGIONAL BY ROW AS cr
