INSERT INTO products VALUES (1, 10.00, 2.50), (2, 5.00, 0);
