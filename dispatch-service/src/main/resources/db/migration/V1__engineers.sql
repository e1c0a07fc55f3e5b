-- The field engineers who rush out: where they start from, what they can do, when they work.
create table engineer (
    id             uuid primary key,
    name           text        not null,
    email          text        not null unique,
    username       text        not null unique,
    home_latitude  double precision not null,
    home_longitude double precision not null,
    skills         text[]      not null default '{}',
    shift_days     text[]      not null default '{}',
    shift_start    time        not null,
    shift_end      time        not null,
    active         boolean     not null default true,
    created_at     timestamptz not null default now(),
    version        bigint      not null default 0
);
