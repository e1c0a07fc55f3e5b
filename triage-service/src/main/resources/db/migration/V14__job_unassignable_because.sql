-- Why no engineer can take the job, as dispatch's message key and facts, for the operator's language.
alter table incident add column job_unassignable_because jsonb;
