DELETE FROM sessions;
TRUNCATE TABLE sessions, carts;
