CREATE TABLE public.regional_by_table_in_primary_region (
	pk INT8 NOT NULL,
	i INT8 NULL,
	CONSTRAINT regional_by_table_in_primary_region_pkey PRIMARY KEY (pk ASC),
	FAMILY fam_0_pk_i (pk, i)
) LOCALITY REGIONAL BY TABLE IN PRIMARY REGION
