-- The SOC's line of each timeline entry as a message key and its facts, rendered in the operator's language when read
-- (older entries keep their English summary).
alter table timeline_entry add column soc_key text;
alter table timeline_entry add column soc_facts jsonb;
