-- The SOC chose the engineer for a job (POST /jobs/{id}/assign): the planner keeps it with them unless they decline.
alter table dispatch_job add column chosen_engineer_id uuid;
alter table dispatch_job add column chosen_by text;
