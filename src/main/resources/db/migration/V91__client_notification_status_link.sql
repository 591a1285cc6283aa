-- Issue 18: the first e-mail of an appeal carries its number and the link to the client's status page, whichever way
-- the appeal came in (API, Tasklist, the public page). purpose tells it from status notifications; the unique index
-- makes it once per appeal.
alter table client_notification add column purpose varchar(16) not null default 'STATUS'
  check (purpose in ('STATUS', 'STATUS_LINK'));

create unique index client_notification_status_link on client_notification (case_number) where purpose = 'STATUS_LINK';
