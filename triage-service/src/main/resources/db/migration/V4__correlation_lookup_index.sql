-- The batch lookup asks for status in (...) with parameters, which the partial index of V2 cannot be proven to
-- match; this plain index serves it (tenant and key narrow it to a handful of rows).
create index incident_tenant_key on incident (tenant_id, correlation_key);
