-- Invoice 101 refers to a customer that does not exist: VALIDATE fails, and the constraint it
-- leaves NOT VALID must not count as done.
INSERT INTO customers VALUES (1);
INSERT INTO invoices VALUES (100, 1), (101, 2);
