-- Correlation, SLA clocks, SOC steps, and what dispatch and insurance report back.
alter table incident
    alter column status type text,
    add column description        text,
    add column base_priority      text,
    add column max_severity       text,
    add column correlation_key    text,
    add column family             text,
    add column hosts              text[]      not null default '{}',
    add column opened_at          timestamptz not null default now(),
    add column acknowledged_by    text,
    add column consultation_id    uuid unique,
    add column onsite_request_id  uuid,
    add column job_id             uuid,
    add column job_status         text,
    add column job_eta            timestamptz,
    add column engineer_name      text,
    add column claim_id           uuid,
    add column claim_status       text,
    add column resolution         text,
    add column resolution_summary text,
    add column resolved_at        timestamptz,
    add column closed_at          timestamptz;

-- where an alert looks for the incident it joins: only active incidents are candidates
create index incident_correlation on incident (tenant_id, correlation_key, family, last_seen_at desc)
    where status in ('OPEN', 'ACKNOWLEDGED', 'ONSITE_REQUESTED', 'ONSITE_IN_PROGRESS');
-- the SLA watch: open incidents not yet flagged, by due time
create index incident_ack_due on incident (ack_due_at) where status = 'OPEN' and not sla_breached;
drop index incident_queue;
create index incident_queue on incident (priority, ack_due_at, id);

-- The alerts behind incidents; the id is the alert's deterministic id, so an alert is stored once.
create table incident_alert (
    id          uuid primary key,
    incident_id uuid        not null references incident (id),
    tenant_id   uuid        not null,
    sensor_id   uuid,
    format      text,
    source_ref  text,
    observed_at timestamptz not null,
    received_at timestamptz,
    category    text        not null,
    severity    text        not null,
    title       text        not null,
    host        text,
    src_ip      text,
    dst_ip      text,
    username    text,
    signature   text,
    raw         text
);
create index incident_alert_incident on incident_alert (incident_id, id);

-- Each incident's story and audit trail: SOC steps (with who), dispatch and claim events (their event id).
create table timeline_entry (
    id               uuid primary key,
    incident_id      uuid        not null,
    at               timestamptz not null,
    type             text        not null,
    summary          text        not null,
    customer_summary text,
    actor            text,
    recorded_at      timestamptz not null default now()
);
create index timeline_entry_incident on timeline_entry (incident_id, at, recorded_at);
