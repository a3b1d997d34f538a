-- strata:ignore SL101 it is empty
ALTER TABLE users ADD COLUMN x int;
