INSERT INTO teams VALUES (1, NULL);
INSERT INTO players VALUES (7, 1);
UPDATE teams SET captain_id = 7 WHERE id = 1;
