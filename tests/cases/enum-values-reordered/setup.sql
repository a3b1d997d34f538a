INSERT INTO shirts VALUES (1, 'small'), (2, 'large'), (3, DEFAULT);
