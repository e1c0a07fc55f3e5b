-- (0.2 is db/tenants' known_tenant, which some services also apply)
-- The outbox is published in lanes, so that every instance's relay can publish at once (issue 28): a row's lane
-- follows from its key, and a lane is published by one relay at a time (a lease in outbox_lane), so each key's
-- events still reach Kafka in the order they were written. 16 lanes: more than the instances a service runs.
alter table outbox add column lane smallint generated always as ((hashtext(record_key) & 15)::smallint) stored;
drop index outbox_unsent;
create index outbox_unsent on outbox (lane, id) where sent_at is null;

create table outbox_lane (
    lane        smallint primary key,
    holder      uuid,
    lease_until timestamptz,
    served_at   timestamptz not null default '-infinity'
);
insert into outbox_lane (lane) select generate_series(0, 15);
