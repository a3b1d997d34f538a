-- strata plan for postgres: 1 step

-- Step 1: alter extension citext (update 1.5 to 1.6)
-- hazard blocking-lock: updates extension citext from 1.5 to 1.6: its update script runs, with the locks its statements take on the objects the extension provides
ALTER EXTENSION citext UPDATE TO '1.6';
