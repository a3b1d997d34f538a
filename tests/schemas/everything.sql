-- The schema of everything.yaml, written as a person writes PostgreSQL DDL (and as pg_dump does
-- in places): the loader tests read both and require the same schema.
CREATE SCHEMA sales;

CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';
CREATE EXTENSION hstore SCHEMA sales;

CREATE TYPE order_status AS ENUM ('PENDING', 'PROCESSING', 'COMPLETED', 'CANCELLED');
CREATE TYPE "Mood" AS ENUM ('happy', 'so-so', 'it''s complicated', 'ünïcödé');
CREATE TYPE sales.region AS ENUM ('north', 'south');
COMMENT ON TYPE sales.region IS 'Where it''s sold';

CREATE SEQUENCE invoice_number START 1000 CACHE 10;
CREATE SEQUENCE countdown AS integer INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 START WITH -1;
CREATE SEQUENCE sales.sales_seq AS bigint MAXVALUE 99999 CYCLE;

CREATE TABLE users (
  id            uuid DEFAULT gen_random_uuid() NOT NULL,
  email         character varying(255) NOT NULL,
  display_name  text COLLATE "C",
  handle        citext,
  mood          "Mood" DEFAULT 'happy',
  age           smallint,
  score         double precision NOT NULL DEFAULT 0,
  ratio         real,
  balance       numeric(12, 2) NOT NULL DEFAULT 0,
  active        bool NOT NULL DEFAULT true,
  profile       jsonb NOT NULL DEFAULT '{}'::jsonb,
  avatar        bytea,
  born_on       date,
  wakes_at      time,
  seen_at       timestamp(3) with time zone,
  logged_at     timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  ttl           interval NOT NULL DEFAULT '1 day'::interval,
  ip            inet,
  nickname      char(8),
  flags         bit(4) NOT NULL DEFAULT '0000',
  search        tsvector,
  tags          text[] NOT NULL DEFAULT '{}',
  lucky         int[],
  email_lower   text GENERATED ALWAYS AS (lower(email)) STORED NOT NULL,
  invoice       bigint NOT NULL DEFAULT nextval('invoice_number'),
  user_no       bigint GENERATED ALWAYS AS IDENTITY,
  CONSTRAINT users_pk PRIMARY KEY (id),
  CONSTRAINT users_invoice_key UNIQUE (invoice),
  CONSTRAINT age_range CHECK (age BETWEEN 0 AND 150),
  CONSTRAINT balance_limit CHECK (balance > -1000 AND balance < 1000000),
  CONSTRAINT email_shape CHECK (email LIKE '%@%')
);

CREATE UNIQUE INDEX ON users (email);
CREATE INDEX users_email_lower_idx ON users (lower(email));
CREATE INDEX users_recent_idx ON users (seen_at DESC NULLS LAST, age NULLS FIRST) INCLUDE (display_name)
  WHERE active AND age >= 18;
CREATE INDEX users_profile_gin ON users USING gin (profile);
CREATE INDEX users_tags_gin ON users USING gin (tags);
CREATE INDEX users_email_hash ON users USING hash (email);
CREATE INDEX users_email_pattern ON users (email varchar_pattern_ops);

-- orders refers to users, itself and its invoice; its keys come after it, as pg_dump writes them.
CREATE TABLE orders (
  id       uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id  uuid NOT NULL,
  status   order_status NOT NULL DEFAULT 'PENDING',
  amount   decimal(10,2) NOT NULL,
  parent   uuid,
  invoice  bigint,
  note     varchar(200),
  placed   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id),
  CONSTRAINT amount_positive CHECK (amount >= 0),
  CONSTRAINT note_not_blank CHECK (note IS NULL OR char_length(note) > 0)
);
ALTER TABLE ONLY orders
  ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users ON DELETE CASCADE ON UPDATE RESTRICT,
  ADD CONSTRAINT orders_parent_fk FOREIGN KEY (parent) REFERENCES orders (id) ON DELETE SET NULL;
ALTER TABLE orders ADD FOREIGN KEY (invoice) REFERENCES users (invoice) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX ON orders (user_id, placed DESC);
CREATE INDEX orders_open_idx ON orders (placed) WHERE status IN ('PENDING', 'PROCESSING');
CREATE INDEX ON orders ((coalesce(note, '')), (date_trunc('day', placed AT TIME ZONE 'UTC')));

CREATE TABLE teams (
  id      bigint PRIMARY KEY,
  captain bigint
);
CREATE TABLE players (
  id     bigint PRIMARY KEY,
  team   bigint REFERENCES teams MATCH FULL,
  number int2 NOT NULL DEFAULT 0,
  UNIQUE (team, number)
);
ALTER TABLE teams ADD FOREIGN KEY (captain) REFERENCES players ON DELETE SET NULL;

CREATE TABLE "Order Line" (
  "Order ID" uuid REFERENCES orders ON DELETE CASCADE,
  "LineNo"   integer,
  "select"   text,
  "quote""d" text,
  "naïve"    text,
  PRIMARY KEY ("Order ID", "LineNo")
);
CREATE INDEX ON "Order Line" ("select", "quote""d");

CREATE TABLE a_table_name_that_is_exactly_sixty_three_bytes_long_for_testing (
  a_column_name_that_is_exactly_sixty_three_bytes_long_for_testin bigint PRIMARY KEY,
  another_column_with_a_long_name_to_make_default_names_truncate text
);
CREATE INDEX ON a_table_name_that_is_exactly_sixty_three_bytes_long_for_testing
  (another_column_with_a_long_name_to_make_default_names_truncate);
CREATE INDEX ON a_table_name_that_is_exactly_sixty_three_bytes_long_for_testing
  (another_column_with_a_long_name_to_make_default_names_truncate,
   a_column_name_that_is_exactly_sixty_three_bytes_long_for_testin);

SET search_path TO sales;
CREATE TABLE accounts (
  id     bigint PRIMARY KEY DEFAULT nextval('sales.sales_seq'),
  owner  uuid NOT NULL REFERENCES public.users (id),
  region region NOT NULL DEFAULT 'north',
  "User" text
);

CREATE VIEW public.adults AS SELECT id, email, age FROM public.users WHERE age >= 18;
CREATE MATERIALIZED VIEW public.order_counts AS SELECT user_id, count(*) AS orders FROM public.orders GROUP BY user_id WITH DATA;
CREATE OR REPLACE VIEW sales.accounts_north AS SELECT a.id, a.owner FROM sales.accounts a WHERE a.region = 'north';
COMMENT ON VIEW public.adults IS 'Who may sign';
CREATE UNIQUE INDEX ON public.order_counts (user_id);
CREATE INDEX order_counts_busy ON public.order_counts (orders DESC) WHERE orders > 10;
COMMENT ON INDEX public.order_counts_user_id_idx IS 'REFRESH … CONCURRENTLY needs it';

CREATE FUNCTION public.touch_logged_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  NEW.logged_at := now();
  RETURN NEW;
END
$$;
CREATE FUNCTION sales.north_count() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM sales.accounts WHERE region = 'north' $$;
CREATE TRIGGER users_touch BEFORE UPDATE ON public.users FOR EACH ROW WHEN (OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION public.touch_logged_at();
