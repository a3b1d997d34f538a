INSERT INTO members VALUES (1, 'a@example.com'), (2, 'b@example.com');
INSERT INTO badges VALUES (1, 'GOLD'), (2, 'SILVER');
