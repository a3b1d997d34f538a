-- strata:ignore SL999 we know
SELECT 1;
