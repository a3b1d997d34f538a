-- strata plan for cockroachdb: 3 steps

-- Step 1: create table posts
-- (each statement outside a transaction)
CREATE TABLE posts (
  id bigint NOT NULL,
  author bigint NOT NULL,
  title text DEFAULT '' NOT NULL,
  CONSTRAINT posts_pkey PRIMARY KEY (id)
);

-- Step 2: create index posts_author_idx on table posts
-- (each statement outside a transaction)
CREATE INDEX posts_author_idx ON posts (author);

-- Step 3: add foreign key posts_author_fkey to table posts
-- (each statement outside a transaction)
ALTER TABLE posts ADD CONSTRAINT posts_author_fkey FOREIGN KEY (author) REFERENCES users (id) ON DELETE CASCADE;
