INSERT INTO items VALUES (1, 'fits'), (2, 'also fits');
