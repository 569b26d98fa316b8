-- Index schema 9: per target, the passages it matches per month they mention
-- (a passage counts once in each month one of its dates starts in), for the
-- timeline in events mode without counting. The index is derived data: the
-- fingerprint is dropped, so the next sync empties and rebuilds it, filling
-- this table as it goes.
CREATE TABLE target_event_months(
  target bigint NOT NULL, month integer NOT NULL, passages integer NOT NULL,
  PRIMARY KEY(target, month));
DELETE FROM meta WHERE key = 'fingerprint';
