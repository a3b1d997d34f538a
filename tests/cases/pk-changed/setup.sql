INSERT INTO memberships VALUES (1, 10, 100), (2, 10, 101), (3, 11, 100);
