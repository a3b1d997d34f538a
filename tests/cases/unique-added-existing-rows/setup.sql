INSERT INTO users VALUES (1, 'acme', 'a@x'), (2, 'acme', 'b@x'), (3, 'globex', 'a@x');
