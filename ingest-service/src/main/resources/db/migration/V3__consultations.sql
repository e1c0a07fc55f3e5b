-- The consultation desk (相談窓口): an SME asks for help; the SOC answers in its incident queue.
create table consultation (
    id            uuid primary key,
    tenant_id     uuid        not null references tenant (id),
    subject       text        not null,
    body          text        not null,
    contact_phone text,
    status        text        not null,
    opened_by     text        not null,
    created_at    timestamptz not null default now()
);
create index consultation_tenant on consultation (tenant_id, created_at);
