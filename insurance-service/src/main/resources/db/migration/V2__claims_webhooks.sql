-- What the incidents topic told us: the loss date and the incident part of a claim's evidence.
create table incident_fact (
    incident_id uuid primary key,
    tenant_id   uuid        not null,
    title       text,
    category    text,
    priority    text,
    opened_at   timestamptz not null
);

create sequence claim_number_seq;

-- Claims: one per completed job (job_id unique), evaluated against the policy covering the loss date.
create table claim (
    id                  uuid primary key,
    claim_number        text        not null unique,
    policy_id           uuid references policy (id),
    insurer_id          text,
    tenant_id           uuid        not null,
    incident_id         uuid        not null,
    job_id              uuid        not null unique,
    status              text        not null,
    loss_date           date        not null,
    reported_at         timestamptz not null,
    lines               jsonb       not null,
    explanation         text[]      not null default '{}',
    not_covered_reasons text[]      not null default '{}',
    claimed_total_yen   bigint      not null,
    covered_yen         bigint      not null,
    payable_yen         bigint      not null,
    approved_yen        bigint,
    paid_yen            bigint,
    paid_on             date,
    payment_reference   text,
    decision_reason     text,
    evidence            jsonb       not null,
    updated_at          timestamptz not null,
    version             bigint      not null default 0
);
create index claim_insurer on claim (insurer_id, updated_at);
create index claim_tenant on claim (tenant_id);
create index claim_policy on claim (policy_id);

-- Every change of a claim: who, when, what.
create table claim_audit (
    id          bigserial primary key,
    claim_id    uuid        not null references claim (id),
    at          timestamptz not null,
    actor       text        not null,
    action      text        not null,
    status      text        not null,
    detail      text
);
create index claim_audit_claim on claim_audit (claim_id, id);

-- Insurers' webhook endpoints; the signing secret is kept encrypted (it is needed to sign, so it cannot be hashed).
create table webhook (
    id                uuid primary key,
    insurer_id        text        not null,
    url               text        not null,
    secret_ciphertext text        not null,
    active            boolean     not null default true,
    created_at        timestamptz not null default now()
);
create index webhook_insurer on webhook (insurer_id) where active;

-- One row per claim change per webhook, delivered in order per claim and retried until it gets a 2xx.
create table webhook_delivery (
    id               bigserial primary key,
    webhook_id       uuid        not null references webhook (id),
    insurer_id       text        not null,
    claim_id         uuid        not null,
    event_type       text        not null,
    body             text        not null,
    status           text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, id) where status = 'PENDING';
create index webhook_delivery_claim on webhook_delivery (webhook_id, claim_id, id);
create index webhook_delivery_insurer on webhook_delivery (insurer_id, id);
