-- The SME's telephone, so that an engineer on the way can call the site.
alter table known_tenant add column contact_phone text;
