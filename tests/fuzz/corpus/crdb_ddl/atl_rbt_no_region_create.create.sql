CREATE TABLE public.regional_by_table_no_region (
	pk INT8 NOT NULL,
	i INT8 NULL,
	CONSTRAINT regional_by_table_no_region_pkey PRIMARY KEY (pk ASC),
	FAMILY fam_0_pk_i (pk, i)
) LOCALITY REGIONAL BY TABLE IN PRIMARY REGION
