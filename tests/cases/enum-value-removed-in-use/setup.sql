INSERT INTO diary VALUES (1, 'happy'), (2, 'meh');
