INSERT INTO "UserAccounts" VALUES (1, 'ada@example.com');
