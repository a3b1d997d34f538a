CREATE TABLE public.loop_b (
	id INT8 NOT NULL,
	a_id INT8 NULL,
	CONSTRAINT loop_b_pkey PRIMARY KEY (id ASC),
	FAMILY f1 (id, a_id)
);
ALTER TABLE public.loop_b ADD CONSTRAINT loop_b_a_id_fkey FOREIGN KEY (a_id) REFERENCES public.loop_a(id) ON DELETE CASCADE;
