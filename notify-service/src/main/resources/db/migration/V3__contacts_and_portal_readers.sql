-- The SME's telephone, for the engineer's job mail (whom to call on the way).
alter table tenant_contact add column contact_phone text;
-- Which SME a portal user's wishes belong to: the SME's mails go to its contact address and to each of its portal users
-- who chose how to be told.
alter table preference add column tenant_id uuid;
create index preference_tenant on preference (tenant_id) where tenant_id is not null;
