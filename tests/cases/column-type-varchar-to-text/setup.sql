INSERT INTO items VALUES (1, 'some text');
