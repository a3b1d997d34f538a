CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;
SELECT 'it''s; fine', E'a\'b;', "semi;colon";
/* nested /* comment; */ still */ SELECT 1;
-- strata:no-transaction
CREATE INDEX CONCURRENTLY i ON t (a);
