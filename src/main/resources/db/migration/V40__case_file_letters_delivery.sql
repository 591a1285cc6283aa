-- Electronic case file (SPEC §3.11): every document of a case, keyed by the case number (appeal RU-…/KZ-…,
-- restructuring KZR-…, or a stand-alone letter), with its hash so a later reader can prove it is unchanged.
create table case_document (
  id            bigint generated always as identity primary key,
  case_number   varchar(64)  not null,
  kind          varchar(32)  not null,
  file_name     varchar(255) not null,
  content_type  varchar(128) not null,
  size_bytes    bigint       not null,
  sha256        char(64)     not null,
  uploaded_by   varchar(64)  not null,
  uploaded_at   timestamptz  not null default now(),
  content       bytea        not null
);
create index case_document_case on case_document (case_number, uploaded_at);

-- Outgoing letters (SPEC §3.12): one row per letter, the number and date set at registration.
create table outgoing_letter (
  id                  bigint generated always as identity primary key,
  process_instance_id varchar(64)  not null unique,
  case_number         varchar(64)  not null,
  kind                varchar(32)  not null,
  subject             varchar(500) not null,
  body                text         not null,
  language            varchar(2)   not null,
  recipient_name      varchar(255) not null,
  recipient_address   varchar(500) not null,
  outgoing_number     varchar(32)  unique,
  outgoing_date       date,
  registered_by       varchar(64),
  signed_by           varchar(64),
  dispatch_method     varchar(32),
  tracking_number     varchar(64),
  sent_at             timestamptz,
  created_at          timestamptz  not null default now()
);
create index outgoing_letter_case on outgoing_letter (case_number);

-- Per-year sequence of outgoing numbers (OUT-2026-000045); a row lock makes concurrent registrations safe.
create table outgoing_number_sequence (
  year       integer primary key,
  last_value integer not null
);

-- Answers delivered to clients. delivery_key (process instance + activity) makes a retried job deliver once.
create table answer_delivery (
  id             bigint generated always as identity primary key,
  delivery_key   varchar(200) not null unique,
  case_number    varchar(64)  not null,
  method         varchar(32)  not null,
  recipient      varchar(500),
  proof          varchar(1000) not null,
  document_id    bigint references case_document (id),
  delivered_at   timestamptz  not null,
  recorded_by    varchar(64)
);
create index answer_delivery_case on answer_delivery (case_number);

-- Client notifications (SPEC §7): what was sent (or why not) on each status change.
create table client_notification (
  id           bigint generated always as identity primary key,
  case_number  varchar(64)  not null,
  status       varchar(64)  not null,
  recipient    varchar(320) not null,
  language     varchar(2)   not null,
  outcome      varchar(16)  not null,
  error        varchar(1000),
  created_at   timestamptz  not null default now()
);
create index client_notification_case on client_notification (case_number);
