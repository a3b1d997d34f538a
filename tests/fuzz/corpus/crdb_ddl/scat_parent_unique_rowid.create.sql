CREATE TABLE public.parent (
	x INT8 NULL,
	y INT8 NULL,
	z INT8 NULL,
	rowid INT8 NOT VISIBLE NOT NULL DEFAULT unique_rowid(),
	CONSTRAINT parent_pkey PRIMARY KEY (rowid ASC),
	UNIQUE INDEX parent_x_y_z_key (x ASC, y ASC, z ASC),
	UNIQUE INDEX parent_x_key (x ASC),
	FAMILY f1 (x, y, z, rowid)
)
