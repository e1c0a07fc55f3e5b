-- The trace a claim change happened in (W3C traceparent), sent to the insurer's webhook with the change so that its
-- receipt joins the trace of the engineer's report or the insurer's decision that caused it.
alter table webhook_delivery add column trace_parent text;
