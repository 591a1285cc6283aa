-- Client notifications become a transactional outbox (SPEC §7): the row is written in the transaction of the status
-- change (outcome PENDING) with everything needed to render the e-mail later; a poller sends due rows, marks them SENT,
-- or retries with backoff and finally gives up with FAILED_PERMANENTLY.
alter table client_notification
  add column jurisdiction    varchar(8),
  add column client_name     varchar(500),
  add column changed_at      timestamptz,
  add column attempts        integer     not null default 0,
  add column next_attempt_at timestamptz not null default now(),
  add column last_attempt_at timestamptz,
  add column sent_at         timestamptz;

alter table client_notification alter column outcome type varchar(32);
alter table client_notification alter column outcome set default 'PENDING';

-- rows of the old fire-and-forget notifier: SENT stays SENT, a FAILED one is retried now (nothing is lost)
update client_notification set sent_at = created_at, attempts = 1 where outcome = 'SENT';
update client_notification set outcome = 'PENDING', attempts = 1 where outcome = 'FAILED';

alter table client_notification
  add constraint client_notification_outcome check (outcome in ('PENDING', 'SENT', 'FAILED_PERMANENTLY'));

create index client_notification_due on client_notification (next_attempt_at) where outcome = 'PENDING';
