-- Sensor health: when each sensor last said anything (an alert, a syslog line, a heartbeat), how often it is
-- expected to, and the moment past which it counts as silent (last seen + expected interval + grace), kept up to
-- date with each sighting so the watch finds silent sensors by an index instead of computing over every row.
alter table sensor add column last_seen_at timestamptz;
alter table sensor add column expected_every_seconds integer not null default 900;
alter table sensor add column silent_after timestamptz;
update sensor set expected_every_seconds = 3600 where kind = 'ENDPOINT';
update sensor set silent_after = created_at + make_interval(secs => expected_every_seconds + 60);
alter table sensor alter column silent_after set not null;
create index sensor_silent_after on sensor (silent_after) where revoked_at is null;

-- One row per silence: opened by the watch (with what the sensor had last said), ended when it speaks again. The
-- partial unique index keeps one open silence per sensor, however many instances watch and however often they restart.
create table sensor_silence (
    id           uuid primary key,
    sensor_id    uuid        not null references sensor (id),
    tenant_id    uuid        not null,
    started_at   timestamptz not null,
    last_seen_at timestamptz,
    ended_at     timestamptz
);
create unique index sensor_silence_open on sensor_silence (sensor_id) where ended_at is null;
