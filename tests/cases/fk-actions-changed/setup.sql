INSERT INTO accounts VALUES (1), (2);
INSERT INTO sessions VALUES (1, 1), (2, 2), (3, NULL);
