-- strata:ignore SL101
DROP TABLE old_orders;
