INSERT INTO people VALUES (1, 'a@example.com', '555');
