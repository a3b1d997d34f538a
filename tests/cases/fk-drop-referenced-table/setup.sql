INSERT INTO users VALUES (1, 'ada@example.com');
INSERT INTO posts VALUES (10, 1, 'Notes');
