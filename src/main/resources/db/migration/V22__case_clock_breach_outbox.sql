-- Issue 13: one legal clock per case, breaches that never depend on mail, reminders on every step.

-- The regulatory clocks of a case (ANSWER: answer deadline until delivery; REGISTRATION: Table 1). One row per case
-- and clock; the recipe of the current deadline (basis_at + days of kind) is kept so that loading a production
-- calendar year can recompute it.
create table case_clock (
  case_number          varchar(64)  not null,
  clock                varchar(32)  not null,
  process_instance_id  varchar(64)  not null,
  due_variable         varchar(64)  not null,
  jurisdiction         varchar(2)   not null check (jurisdiction in ('RU', 'KZ')),
  started_at           timestamptz  not null,
  basis_at             timestamptz  not null,
  days                 integer      not null,
  kind                 varchar(16)  not null check (kind in ('WORKING_DAYS', 'CALENDAR_DAYS', 'SAME_DAY')),
  original_due_at      timestamptz  not null,
  due_at               timestamptz  not null,
  legal_basis_at       timestamptz,
  legal_days           integer,
  legal_extension_days integer,
  legal_deadline_at    timestamptz,
  extended_at          timestamptz,
  suspended_at         timestamptz,
  stopped_at           timestamptz,
  breached_at          timestamptz,
  provisional_years    varchar(64),
  updated_at           timestamptz  not null,
  primary key (case_number, clock)
);
create index case_clock_running_due on case_clock (due_at) where stopped_at is null;
create index case_clock_process on case_clock (process_instance_id);

-- Every move of a clock, for auditors: started, suspended, resumed, extended, moved by a calendar, stopped.
create table case_clock_event (
  id           bigserial    primary key,
  case_number  varchar(64)  not null,
  clock        varchar(32)  not null,
  at           timestamptz  not null,
  event        varchar(32)  not null,
  due_at       timestamptz,
  note         varchar(500)
);
create index case_clock_event_case on case_clock_event (case_number, clock, at);

-- A breach is recorded once per case and clock; it names the step(s) and group(s) that held the case.
alter table sla_breach add column clock varchar(32);
update sla_breach set clock = step;
alter table sla_breach alter column clock set not null;
alter table sla_breach add column held_by varchar(1000);
alter table sla_breach add column resolution varchar(4000);
alter table sla_breach add column resolved_by varchar(64);
alter table sla_breach add column resolved_at timestamptz;
alter table sla_breach drop constraint sla_breach_case_step;
alter table sla_breach add constraint sla_breach_case_clock unique (case_number, clock);
create index sla_breach_jurisdiction on sla_breach (jurisdiction, breached_at);

-- Step reminders sent (one per task).
create table sla_reminder (
  task_id      varchar(64)  primary key,
  case_number  varchar(64)  not null,
  step         varchar(255) not null,
  sent_at      timestamptz  not null
);

-- Staff e-mails (reminders, escalations) and client notices about deadlines: a transactional outbox, so a breach is
-- recorded and escalated in its own transaction whatever the mail server does; a poller sends and retries.
create table mail_outbox (
  id               bigserial     primary key,
  case_number      varchar(64),
  purpose          varchar(32)   not null,
  recipient        varchar(320)  not null,
  subject          varchar(500)  not null,
  body             text          not null,
  outcome          varchar(32)   not null default 'PENDING'
                   check (outcome in ('PENDING', 'SENT', 'FAILED_PERMANENTLY')),
  attempts         integer       not null default 0,
  next_attempt_at  timestamptz   not null default now(),
  last_attempt_at  timestamptz,
  sent_at          timestamptz,
  error            varchar(1000),
  created_at       timestamptz   not null default now()
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where outcome = 'PENDING';
create index mail_outbox_case on mail_outbox (case_number);
