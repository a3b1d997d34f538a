-- Two users share an email: the concurrent build fails and leaves an invalid index behind, which
-- must not count as the declared index.
INSERT INTO users VALUES (1, 'a@example.com'), (2, 'a@example.com');
