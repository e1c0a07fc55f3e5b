-- The trace an event was written in (W3C traceparent), so that the relay publishes it in the record's headers and
-- the consumers' spans join the trace of the request or record that caused the event.
alter table outbox add column trace_parent text;
