-- An incident merged into another ends as MERGED and points at the one that took its alerts in.
alter table incident add column merged_into uuid references incident (id);
-- KPIs read incidents by when they were opened
create index incident_opened_at on incident (opened_at);
