INSERT INTO devices VALUES (1, 'on', '{on,off}');
