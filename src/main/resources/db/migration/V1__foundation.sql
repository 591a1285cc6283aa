-- Application tables live beside Camunda's ACT_* tables; Flyway owns only these.
-- Feature migrations use their own version ranges so parallel work never collides:
--   V10-19 appeals · V20-29 calendars/deadlines · V30-39 restructuring · V40-49 letters/case file/delivery
--   V50-59 outage · V60-69 performance indexes · V70-79 identity/filters · V80-89 reports
create table app_info (
  key   varchar(64) primary key,
  value varchar(255) not null
);
insert into app_info (key, value) values ('schema', 'appeal-desk');
