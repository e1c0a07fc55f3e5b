-- The local copy of each tenant (from the compacted tenants topic): the site and plan a consuming
-- service needs without calling ingest-service.
create table known_tenant (
    tenant_id       uuid primary key,
    name            text        not null,
    postal_code     text,
    prefecture      text,
    address         text,
    latitude        double precision,
    longitude       double precision,
    plan_type       text,
    endpoint_count  integer,
    monthly_fee_yen bigint,
    active          boolean     not null,
    updated_at      timestamptz not null
);
