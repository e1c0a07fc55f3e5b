-- When triage stored the alert (received_at is when ingest took it in): alert-to-incident latency, per alert.
alter table incident_alert add column stored_at timestamptz not null default clock_timestamp();
