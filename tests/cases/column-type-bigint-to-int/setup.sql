INSERT INTO items VALUES (1, 42), (2, -7);
