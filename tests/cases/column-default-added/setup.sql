INSERT INTO posts VALUES (1, 'live', 10);
