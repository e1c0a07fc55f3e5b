-- An incident of kind SENSOR_SILENT stands for one silence of one sensor (ingest's silence id, unique: the
-- announcement redelivered opens nothing twice); the sensor's name is what the SME reads.
alter table incident add column sensor_id uuid;
alter table incident add column sensor_silence_id uuid unique;
alter table incident add column sensor_name text;
