INSERT INTO orders VALUES (1, 'pending', '{}'), (2, 'paid', '{pending}'), (3, 'delivered', '{pending,paid,shipped}');
INSERT INTO returns VALUES (1, 'delivered'), (2, NULL);
