-- The number an SME asked to be called back on with its consultation (issue 30, item 5): the SOC sees it on the incident.
alter table incident add column contact_phone text;
