INSERT INTO products VALUES (1, 'A-1', 'Widget');
