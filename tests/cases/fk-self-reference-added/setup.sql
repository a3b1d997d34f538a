INSERT INTO employees (id, name) VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Linus');
