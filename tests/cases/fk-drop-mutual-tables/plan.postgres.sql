-- strata plan for postgres: 4 steps

-- Step 1: drop foreign key players_team_id_fkey of table players
ALTER TABLE players DROP CONSTRAINT players_team_id_fkey;

-- Step 2: drop foreign key teams_captain_id_fkey of table teams
ALTER TABLE teams DROP CONSTRAINT teams_captain_id_fkey;

-- Step 3: drop table players
-- hazard data-loss: drops table public.players and its rows
DROP TABLE players;

-- Step 4: drop table teams
-- hazard data-loss: drops table public.teams and its rows
DROP TABLE teams;
