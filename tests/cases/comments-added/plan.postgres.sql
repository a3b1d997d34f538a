-- strata plan for postgres: 8 steps

-- Step 1: add column nickname to table users
ALTER TABLE users ADD COLUMN nickname text;

-- Step 2: set the comment on table teams
COMMENT ON TABLE teams IS 'Groups of users; the name is shown in the app''s header';

-- Step 3: set the comment on table users
COMMENT ON TABLE users IS 'People who sign in';

-- Step 4: set the comment on column email of table users
COMMENT ON COLUMN users.email IS 'Unique per team, lower-cased by the app';

-- Step 5: set the comment on column nickname of table users
COMMENT ON COLUMN users.nickname IS 'Added with its comment';

-- Step 6: set the comment on index users_email_idx of table users
COMMENT ON INDEX users_email_idx IS 'For sign-in';

-- Step 7: set the comment on constraint users_pkey of table users
COMMENT ON CONSTRAINT users_pkey ON users IS 'Never reused';

-- Step 8: set the comment on constraint users_team_fkey of table users
COMMENT ON CONSTRAINT users_team_fkey ON users IS 'A user''s team';
