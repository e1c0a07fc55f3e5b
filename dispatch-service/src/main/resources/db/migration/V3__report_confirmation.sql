-- What the SME confirmed on site with the engineer's report: checklist items done, the person's name, the signature
alter table dispatch_job add column report_confirmation jsonb;
