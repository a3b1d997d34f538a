CREATE TABLE public.loop_a (
	id INT8 NOT NULL,
	b_id INT8 NULL,
	CONSTRAINT loop_a_pkey PRIMARY KEY (id ASC),
	INDEX loop_a_b_id_idx (b_id ASC),
	FAMILY f1 (id, b_id)
);
ALTER TABLE public.loop_a ADD CONSTRAINT b_id_delete_constraint FOREIGN KEY (b_id) REFERENCES public.loop_b(id) ON DELETE CASCADE;
