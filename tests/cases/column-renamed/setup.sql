INSERT INTO users VALUES (1);
INSERT INTO posts (id, user_id, body, words) VALUES (1, 1, 'hello', 1);
