INSERT INTO accounts VALUES (1, 'Ada@Example.com', 'Ada', 'Lovelace');
