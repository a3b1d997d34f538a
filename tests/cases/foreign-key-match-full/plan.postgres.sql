-- strata plan for postgres: 3 steps

-- Step 1: drop foreign key parcels_shipment_fkey of table parcels
ALTER TABLE parcels DROP CONSTRAINT parcels_shipment_fkey;

-- Step 2: add foreign key parcels_carrier_fkey to table parcels
-- hazard constraint-validation: VALIDATE CONSTRAINT parcels_carrier_fkey checks every row of public.parcels
-- (each statement outside a transaction)
ALTER TABLE parcels DROP CONSTRAINT IF EXISTS parcels_carrier_fkey, ADD CONSTRAINT parcels_carrier_fkey FOREIGN KEY (carrier_region, carrier_code) REFERENCES shipments (region, code) MATCH FULL ON DELETE SET NULL NOT VALID;
ALTER TABLE parcels VALIDATE CONSTRAINT parcels_carrier_fkey;

-- Step 3: add foreign key parcels_shipment_fkey to table parcels
-- hazard constraint-validation: VALIDATE CONSTRAINT parcels_shipment_fkey checks every row of public.parcels
-- (each statement outside a transaction)
ALTER TABLE parcels DROP CONSTRAINT IF EXISTS parcels_shipment_fkey, ADD CONSTRAINT parcels_shipment_fkey FOREIGN KEY (region, code) REFERENCES shipments (region, code) MATCH FULL NOT VALID;
ALTER TABLE parcels VALIDATE CONSTRAINT parcels_shipment_fkey;
