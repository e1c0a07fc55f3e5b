-- Every alert that joins an incident updates its counts and last_seen_at. incident_correlation had last_seen_at in its
-- key, so each of those updates wrote a new entry into every index of the table (no HOT update). Correlation's lookup
-- uses incident_tenant_key (V4), so the index went unused: dropped, the count updates touch no indexed column. Room
-- left on each page lets PostgreSQL keep the new row version beside the old one (issue 33).
drop index incident_correlation;
alter table incident set (fillfactor = 85);
