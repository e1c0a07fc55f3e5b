-- notify-service: who is told what and how.

-- The SME's name, site and contact address, from the compacted tenants topic.
create table tenant_contact (
    tenant_id     uuid primary key,
    name          text        not null,
    contact_email text,
    address       text,
    active        boolean     not null,
    updated_at    timestamptz not null
);

-- Each person's wishes: the channels, the language, the quiet hours (Asia/Tokyo) for anything below P1, and the
-- chat webhook (encrypted: a chat webhook address is itself the credential to post into the chat).
create table preference (
    username           text primary key,
    channels           text[]      not null,
    language           text        not null,
    quiet_from         time,
    quiet_until        time,
    chat_webhook_sealed text,
    updated_at         timestamptz not null
);

-- The SOC's weekly on-call rotation: members take turns of turn_days, the first turn beginning at starts_at.
create table on_call_rotation (
    id         integer primary key check (id = 1),
    members    text[]      not null,
    starts_at  timestamptz not null,
    turn_days  integer     not null check (turn_days between 1 and 28),
    updated_by text        not null,
    updated_at timestamptz not null
);

-- Someone else on call for a while (holiday, swap); the newest override covering a moment wins.
create table on_call_override (
    id         uuid primary key,
    username   text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null check (ends_at > starts_at),
    created_by text        not null,
    created_at timestamptz not null
);
create index on_call_override_period on on_call_override (starts_at, ends_at);

-- Who is told at each level, per priority: the person on call, named operators, team chat webhooks (sealed).
create table escalation_policy (
    priority   text primary key,
    levels     jsonb       not null,
    updated_by text        not null,
    updated_at timestamptz not null
);
insert into escalation_policy (priority, levels, updated_by, updated_at) values
    ('P1', '[{"onCall": true, "users": [], "chatWebhooksSealed": []}]', 'default', now()),
    ('P2', '[{"onCall": true, "users": [], "chatWebhooksSealed": []}]', 'default', now());

-- One escalation per P1/P2 incident. Its clock lives here: step 1 (opened) is done when the row is written;
-- step 2 (half the acknowledge clock) and step 3 (breached) are taken when next_step_at passes, by whichever
-- instance locks the row first. A restart neither skips nor repeats a step: a step and its notices commit together.
create table escalation (
    incident_id     uuid primary key,
    tenant_id       uuid        not null,
    priority        text        not null,
    title           text,
    opened_at       timestamptz not null,
    ack_due_at      timestamptz not null,
    step            integer     not null,
    next_step_at    timestamptz,
    stopped_at      timestamptz,
    stopped_because text
);
create index escalation_due on escalation (next_step_at) where stopped_at is null and next_step_at is not null;

-- Which engineer a job is planned for, so that a change of plan tells the one who no longer has it.
create table job_engineer (
    job_id      uuid primary key,
    engineer_id uuid        not null,
    updated_at  timestamptz not null
);

-- A notice to one person (or one team chat): written in the transaction that consumed its event (dedupe_key keeps
-- a redelivered event from writing it twice), sent by NoticeWorker over each of the person's channels, retried
-- with backoff until sent. Its id is the Message-ID of its mail, so a mail sent twice is one mail to a reader.
create table notice (
    id              uuid primary key,
    dedupe_key      text        not null unique,
    incident_id     uuid        not null,
    tenant_id       uuid        not null,
    audience        text        not null,
    recipient_kind  text        not null,
    recipient       text        not null,
    about           text        not null,
    facts           jsonb       not null,
    priority        text,
    status          text        not null,
    channels_sent   text[]      not null default '{}',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index notice_due on notice (next_attempt_at) where status = 'PENDING';
create index notice_incident on notice (incident_id, created_at);
