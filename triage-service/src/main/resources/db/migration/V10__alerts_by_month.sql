-- Alerts kept by month (issue 28): incident_alert is partitioned by the month the alert was observed, so ending a
-- month past the retention is detaching and dropping its partition, not a delete that locks writers. The alert's id
-- is deterministic and so is its observed_at, so (id, observed_at) is as unique as id was. Alerts observed outside
-- the months that have a partition (a clock far off, a backlog older than the retention) land in the default
-- partition, which the retention job trims by row. AlertRetention creates the coming months' partitions.
alter table incident_alert rename to incident_alert_unpartitioned;
alter index incident_alert_incident rename to incident_alert_unpartitioned_incident;

create table incident_alert (like incident_alert_unpartitioned including defaults) partition by range (observed_at);
alter table incident_alert add primary key (id, observed_at);
alter table incident_alert add foreign key (incident_id) references incident (id);
create index incident_alert_incident on incident_alert (incident_id, id);
create table incident_alert_default partition of incident_alert default;

-- the months the retention keeps (13 by default: this one and the twelve before) and the two ahead; older alerts
-- already stored fall into the default partition, which the retention trims
do $$
declare
    month date := (date_trunc('month', now() at time zone 'UTC') - interval '12 months')::date;
begin
    while month <= (date_trunc('month', now() at time zone 'UTC') + interval '2 months')::date loop
        execute format('create table %I partition of incident_alert for values from (%L) to (%L)',
                       'incident_alert_' || to_char(month, 'YYYY_MM'),
                       month::timestamp at time zone 'UTC', (month + interval '1 month')::timestamp at time zone 'UTC');
        month := (month + interval '1 month')::date;
    end loop;
end $$;

insert into incident_alert select * from incident_alert_unpartitioned;
drop table incident_alert_unpartitioned;
