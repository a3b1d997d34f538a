-- strata plan for cockroachdb: 3 steps

-- Step 1: change on update of column edited_by of table posts
-- (each statement outside a transaction)
ALTER TABLE posts ALTER COLUMN edited_by SET ON UPDATE 'api';

-- Step 2: change on update of column edit_number of table posts
-- (each statement outside a transaction)
ALTER TABLE posts ALTER COLUMN edit_number DROP ON UPDATE;

-- Step 3: drop sequence edits
-- (each statement outside a transaction)
DROP SEQUENCE edits;
