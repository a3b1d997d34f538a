INSERT INTO customer VALUES (1, 'Acme', NULL), (2, 'Globex', 1);
INSERT INTO orders VALUES (1, 1);
