-- Never lose, never double (DESIGN.md): every service that announces a change writes the event here in the
-- same transaction as the change; the relay publishes it and marks it sent. Consumers record each event id
-- they applied in the inbox, in the same transaction as the effect, and skip ids they have seen.
create table outbox (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    record_key  text        not null,
    event_type  text        not null,
    source      text        not null,
    subject     text,
    occurred_at timestamptz not null,
    payload     bytea       not null,
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);
create index outbox_unsent on outbox (id) where sent_at is null;

create table inbox (
    consumer   text        not null,
    event_id   uuid        not null,
    applied_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
