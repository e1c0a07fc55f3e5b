-- One row says which state of jobs and engineers a plan is made from, and which planner is planning now (issue 28).
-- Every change a plan depends on counts up `version` in its own transaction; a plan is applied only while the version
-- is still the one its snapshot read, and only by the planner holding the lease, so a plan from an older snapshot is
-- never applied over a newer state and several dispatch instances plan one at a time.
create table planning (
    id          smallint primary key check (id = 1),
    version     bigint      not null,
    holder      uuid,
    lease_until timestamptz
);
insert into planning (id, version) values (1, 0);
