-- The on-site job's deadline (from dispatch's job-created), so the queue and the SME see a planned arrival after it.
alter table incident add column job_deadline timestamptz;
