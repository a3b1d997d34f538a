INSERT INTO documents VALUES (1, '{"a": 1}', 9.5, NULL, NULL);
