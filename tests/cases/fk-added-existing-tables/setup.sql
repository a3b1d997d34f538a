INSERT INTO customers VALUES (1, 'Acme'), (2, 'Globex');
INSERT INTO invoices VALUES (100, 1), (101, 2), (102, 1);
