CREATE UNIQUE INDEX users_email ON users (email);
CREATE INDEX ON public.users USING btree (email);
