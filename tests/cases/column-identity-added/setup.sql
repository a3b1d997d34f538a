INSERT INTO tickets VALUES (1, 'first'), (2, 'second');
