CREATE TABLE public.full_test (
	x INT8 NULL,
	y INT8 NULL,
	z INT8 NULL,
	rowid INT8 NOT VISIBLE NOT NULL DEFAULT unique_rowid(),
	CONSTRAINT full_test_pkey PRIMARY KEY (rowid ASC),
	UNIQUE INDEX full_test_x_key (x ASC),
	FAMILY f1 (x, y, z, rowid)
);
ALTER TABLE public.full_test ADD CONSTRAINT full_test_x_y_z_fkey FOREIGN KEY (x, y, z) REFERENCES public.parent(x, y, z) MATCH FULL ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE public.full_test ADD CONSTRAINT test_fk FOREIGN KEY (x) REFERENCES public.parent(x) ON DELETE CASCADE;
-- Validate foreign key constraints. These can fail if there was unvalidated data during the SHOW CREATE ALL TABLES
ALTER TABLE public.full_test VALIDATE CONSTRAINT full_test_x_y_z_fkey;
ALTER TABLE public.full_test VALIDATE CONSTRAINT test_fk;
