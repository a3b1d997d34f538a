-- strata plan for cockroachdb: 4 steps

-- Step 1: drop foreign key players_team_id_fkey of table players
-- (each statement outside a transaction)
ALTER TABLE players DROP CONSTRAINT players_team_id_fkey;

-- Step 2: drop foreign key teams_captain_id_fkey of table teams
-- (each statement outside a transaction)
ALTER TABLE teams DROP CONSTRAINT teams_captain_id_fkey;

-- Step 3: drop table players
-- hazard data-loss: drops table public.players and its rows
-- (each statement outside a transaction)
DROP TABLE players;

-- Step 4: drop table teams
-- hazard data-loss: drops table public.teams and its rows
-- (each statement outside a transaction)
DROP TABLE teams;
