INSERT INTO items VALUES (1, 'twenty chars exactly');
