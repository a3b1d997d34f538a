ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);
