-- Records a consumer of the platform could not apply, as they landed in the dead-letter topics
-- (<topic>.dlq.<group>): kept with their bytes and headers so a platform-admin can re-drive them to their topic once
-- the cause is fixed. Unique by where they sit in the dead-letter topic, so a redelivery keeps one row.
create table dead_letter (
    id               uuid primary key,
    dlq_topic        text        not null,
    dlq_partition    integer     not null,
    dlq_offset       bigint      not null,
    source_topic     text        not null,
    source_partition integer,
    source_offset    bigint,
    consumer_group   text        not null,
    record_key       text,
    value            bytea,
    headers          jsonb       not null,
    reason           text,
    cause            text        not null,
    landed_at        timestamptz not null,
    incident_id      uuid        not null references incident (id),
    redriven_at      timestamptz,
    redriven_by      text,
    unique (dlq_topic, dlq_partition, dlq_offset)
);
create index dead_letter_incident on dead_letter (incident_id);

-- An OPERATIONS incident stands for one dead-letter topic and cause while it is active: further records count on it.
alter table incident add column operations_key text;
create index incident_operations_key on incident (operations_key) where operations_key is not null;
