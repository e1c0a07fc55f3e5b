-- The simple cyber insurance policies bundled with the Otasuke-tai service.
create table policy (
    id                          uuid primary key,
    tenant_id                   uuid        not null,
    insurer_id                  text        not null,
    policy_number               text        not null,
    starts_on                   date        not null,
    ends_on                     date        not null,
    per_incident_limit_yen      bigint      not null,
    annual_aggregate_limit_yen  bigint      not null,
    deductible_yen              bigint      not null,
    covered_cost_types          text[]      not null,
    created_at                  timestamptz not null default now(),
    version                     bigint      not null default 0,
    unique (insurer_id, policy_number)
);
create index policy_tenant on policy (tenant_id);
