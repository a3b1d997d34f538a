INSERT INTO "user" VALUES (1, 'all');
