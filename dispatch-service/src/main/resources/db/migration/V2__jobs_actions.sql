-- Rush-out jobs: one per on-site request, with the schedule's answer and the engineer's record.
create table dispatch_job (
    id                uuid primary key,
    request_id        uuid        not null unique,
    incident_id       uuid        not null,
    tenant_id         uuid        not null,
    title             text,
    category          text,
    priority          text,
    reason            text,
    site_address      text        not null,
    site_latitude     double precision not null,
    site_longitude    double precision not null,
    required_skills   text[]      not null default '{}',
    urgency           text        not null,
    deadline          timestamptz not null,
    status            text        not null,
    engineer_id       uuid references engineer (id),
    engineer_name     text,
    planned_arrival   timestamptz,
    declined_by       uuid[]      not null default '{}',
    accepted_at       timestamptz,
    departed_at       timestamptz,
    arrived_at        timestamptz,
    arrival_latitude  double precision,
    arrival_longitude double precision,
    arrival_distance_m double precision,
    far_from_site     boolean     not null default false,
    completed_at      timestamptz,
    report_summary    text,
    labor_minutes     integer,
    travel_km         double precision,
    cost_lines        jsonb,
    total_yen         bigint,
    cancelled_reason  text,
    created_at        timestamptz not null default now(),
    version           bigint      not null default 0
);
create index dispatch_job_open on dispatch_job (status) where status not in ('COMPLETED', 'CANCELLED');
create index dispatch_job_engineer on dispatch_job (engineer_id, planned_arrival);
create index dispatch_job_incident on dispatch_job (incident_id);
create index dispatch_job_tenant on dispatch_job (tenant_id);

-- Every action an engineer sent, by its client operation id: a replay answers as the first time.
create table job_action (
    op_id        text primary key,
    job_id       uuid        not null references dispatch_job (id),
    engineer_id  uuid        not null,
    type         text        not null,
    at           timestamptz not null,
    received_at  timestamptz not null default now(),
    status       integer     not null,
    response     text        not null
);
create index job_action_job on job_action (job_id);
