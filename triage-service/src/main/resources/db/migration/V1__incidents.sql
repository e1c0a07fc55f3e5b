-- The SOC's incidents: what the queue orders by priority and acknowledge-due time.
create table incident (
    id              uuid primary key,
    tenant_id       uuid        not null,
    kind            text        not null,
    title           text        not null,
    category        text,
    priority        text        not null,
    status          text        not null,
    alert_count     integer     not null default 0,
    first_seen_at   timestamptz not null,
    last_seen_at    timestamptz not null,
    ack_due_at      timestamptz not null,
    acknowledged_at timestamptz,
    sla_breached    boolean     not null default false,
    assignee        text,
    created_at      timestamptz not null default now(),
    version         bigint      not null default 0
);
create index incident_queue on incident (priority, ack_due_at);
create index incident_tenant on incident (tenant_id);
