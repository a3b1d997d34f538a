INSERT INTO items (id, name, qty) VALUES (1, 'item-1', 3);
