-- one database per service (DESIGN.md: each service owns its database)
create database ingest;
create database triage;
create database dispatch;
create database insurance;
create database notify;
create database keycloak;
