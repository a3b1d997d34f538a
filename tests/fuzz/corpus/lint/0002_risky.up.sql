-- strata:ignore SL102 nobody reads legacy since 2.3
ALTER TABLE users DROP COLUMN legacy;
ALTER TABLE users ADD COLUMN tier int NOT NULL;
CREATE INDEX users_email ON users (email);
ALTER TABLE orders ADD CONSTRAINT fk_x FOREIGN KEY (coupon) REFERENCES coupons (id);
-- strata:ignore SL101
DROP TABLE old_stuff;
-- strata:ignore SL999 whatever
BEGIN;
ALTER TABLE users ALTER PRIMARY KEY USING COLUMNS (email);
INSERT INTO users VALUES (1, 'a');
COMMIT;
ALTER DATABASE d DROP REGION "us-east1";
ALTER TABLE users SET LOCALITY REGIONAL BY ROW;
TRUNCATE orders;
ALTER TABLE users ALTER COLUMN email TYPE varchar(10), ALTER COLUMN email SET NOT NULL;
