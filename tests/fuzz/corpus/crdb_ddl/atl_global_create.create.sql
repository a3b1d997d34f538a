CREATE TABLE public.created_as_global (
	pk INT8 NOT NULL,
	i INT8 NULL,
	CONSTRAINT created_as_global_pkey PRIMARY KEY (pk ASC),
	FAMILY fam_0_pk_i (pk, i)
) LOCALITY GLOBAL
