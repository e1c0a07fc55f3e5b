-- Dispatch's finding that no active engineer could ever take the incident's job (shown to the SOC; cleared when the
-- job moves on).
alter table incident add column job_unassignable_reason text;
