-- strata plan for cockroachdb: 7 steps

-- Step 1: create table authors
-- (each statement outside a transaction)
CREATE TABLE authors (
  id bigint NOT NULL,
  best_edition_id bigint NULL,
  CONSTRAINT authors_pkey PRIMARY KEY (id)
);

-- Step 2: create table books
-- (each statement outside a transaction)
CREATE TABLE books (
  id bigint NOT NULL,
  author_id bigint NOT NULL,
  CONSTRAINT books_pkey PRIMARY KEY (id)
);

-- Step 3: create table editions
-- (each statement outside a transaction)
CREATE TABLE editions (
  id bigint NOT NULL,
  book_id bigint NOT NULL,
  CONSTRAINT editions_pkey PRIMARY KEY (id)
);

-- Step 4: create index editions_book_id_idx on table editions
-- (each statement outside a transaction)
CREATE INDEX editions_book_id_idx ON editions (book_id);

-- Step 5: add foreign key authors_best_edition_id_fkey to table authors
-- (each statement outside a transaction)
ALTER TABLE authors ADD CONSTRAINT authors_best_edition_id_fkey FOREIGN KEY (best_edition_id) REFERENCES editions (id);

-- Step 6: add foreign key books_author_id_fkey to table books
-- (each statement outside a transaction)
ALTER TABLE books ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE;

-- Step 7: add foreign key editions_book_id_fkey to table editions
-- (each statement outside a transaction)
ALTER TABLE editions ADD CONSTRAINT editions_book_id_fkey FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE;
