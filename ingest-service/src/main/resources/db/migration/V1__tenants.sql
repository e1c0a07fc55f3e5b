-- The SME customers of the provider, with the site an engineer rushes to and the monitoring plan.
create table tenant (
    id              uuid primary key,
    name            text        not null,
    industry        text,
    contact_email   text        not null,
    contact_phone   text,
    postal_code     text        not null,
    prefecture      text        not null,
    address         text        not null,
    latitude        double precision not null,
    longitude       double precision not null,
    plan_type       text        not null,
    endpoint_count  integer     not null,
    monthly_fee_yen bigint      not null,
    admin_username  text,
    active          boolean     not null default true,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         bigint      not null default 0
);
