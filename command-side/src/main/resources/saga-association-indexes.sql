-- Axon's saga tables have no index on the associations: without these, every event a saga handles scans all
-- associations to find its sagas, and again to load each saga's associations. Run at every start (H2 and PostgreSQL).
CREATE INDEX IF NOT EXISTS associationvalueentry_lookup ON associationvalueentry (sagatype, associationkey, associationvalue);
CREATE INDEX IF NOT EXISTS associationvalueentry_saga ON associationvalueentry (sagaid, sagatype);
