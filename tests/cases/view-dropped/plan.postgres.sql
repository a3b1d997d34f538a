-- strata plan for postgres: 2 steps

-- Step 1: drop view email_domains
-- hazard view-readers: drops view public.email_domains: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW email_domains;

-- Step 2: drop view emails
-- hazard view-readers: drops view public.emails: queries that read it fail until it is created again (if the plan does), and what strata does not manage on it goes with it (grants)
DROP VIEW emails;
