-- The privacy officers' review queue names who declared a safety override, not only their Keycloak
-- subject id: the username the declarer's token carried (preferred_username). Overrides declared
-- before this column existed have none; the queue then shows the subject id.
ALTER TABLE safety_override ADD COLUMN declared_by_name text;
