-- The SME's timeline line as a message key and its facts, rendered in the reader's language when read
alter table timeline_entry add column customer_key text;
alter table timeline_entry add column facts jsonb;
