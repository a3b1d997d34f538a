INSERT INTO users VALUES (1, 'Ada');
INSERT INTO posts VALUES (1, 1), (2, 1);
