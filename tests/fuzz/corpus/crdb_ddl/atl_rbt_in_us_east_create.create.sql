CREATE TABLE public.regional_by_table_in_us_east (
	pk INT8 NOT NULL,
	i INT8 NULL,
	CONSTRAINT regional_by_table_in_us_east_pkey PRIMARY KEY (pk ASC),
	FAMILY fam_0_pk_i (pk, i)
) LOCALITY REGIONAL BY TABLE IN "us-east-1"
