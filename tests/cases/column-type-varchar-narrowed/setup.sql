INSERT INTO items VALUES (1, 'short'), (2, 'ten chars!');
