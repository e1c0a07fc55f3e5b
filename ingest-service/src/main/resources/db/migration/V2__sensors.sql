-- Sensors (UTM/IDS appliances, endpoint agents) of a tenant. The API key is shown once and stored only
-- as its SHA-256 hash; syslog senders are matched by their registered source address.
create table sensor (
    id             uuid primary key,
    tenant_id      uuid        not null references tenant (id),
    kind           text        not null,
    name           text        not null,
    source_address text,
    key_hash       text        not null unique,
    key_prefix     text        not null,
    created_at     timestamptz not null default now(),
    revoked_at     timestamptz
);
create index sensor_tenant on sensor (tenant_id);
create index sensor_source_address on sensor (source_address) where revoked_at is null;
