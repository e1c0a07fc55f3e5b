-- Why a job was cancelled as a message key with its facts (texts/engineer), so the engineer reads it in their
-- language; cancelled_reason keeps the English text the events and the SOC read.
alter table dispatch_job add column cancelled_because jsonb;

-- Why no active engineer could ever take a job the plan leaves unassigned (English for the SOC's tools and the event,
-- and as a sentence for the console's language); cleared once an engineer is planned.
alter table dispatch_job add column unassignable_reason text;
alter table dispatch_job add column unassignable_because jsonb;
