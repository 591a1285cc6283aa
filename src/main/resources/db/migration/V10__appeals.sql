-- Appeals (issue 3): clients with their history (KZ ¶56), appeals, status history, co-executor conclusions,
-- information received after a request (SPEC §3.4) and the per jurisdiction + year numbering (RU-2026-000123).

create table appeal_client (
  id             bigserial primary key,
  -- how the client is recognised again: id document, else phone, else e-mail (normalised); null = anonymous
  identity_key   varchar(320) unique,
  full_name      varchar(300),
  phone          varchar(40),
  email          varchar(254),
  postal_address varchar(500),
  postal_code    varchar(12),
  id_document    varchar(100),
  created_at     timestamptz not null,
  updated_at     timestamptz not null
);

create table appeal_number_sequence (
  jurisdiction varchar(2) not null,
  year         integer    not null,
  last_value   bigint     not null,
  primary key (jurisdiction, year)
);

create table appeal (
  id                       bigserial primary key,
  number                   varchar(32)  not null unique,
  jurisdiction             varchar(2)   not null,
  appeal_type              varchar(32)  not null,
  subject                  varchar(64),
  channel                  varchar(32)  not null,
  language                 varchar(2)   not null,
  received_at              timestamptz  not null,
  client_id                bigint references appeal_client (id),
  content                  text         not null,
  demand                   text,
  situation_place          varchar(500),
  situation_at             timestamptz,
  contract_number          varchar(64),
  written_answer_requested boolean      not null default false,
  status                   varchar(32)  not null,
  registered_at            timestamptz,
  responsible_group        varchar(64),
  co_executor_group        varchar(200),
  approval_group           varchar(64),
  answer_method            varchar(32),
  delivered_by_group       varchar(64),
  answer_due_at            timestamptz,
  missing_details          varchar(500),
  information_request      text,
  refusal_ground           varchar(40),
  refusal_reason           text,
  answer_outcome           varchar(40),
  answer_text              text,
  delivered_at             timestamptz,
  delivery_proof           text,
  closed_at                timestamptz,
  process_instance_id      varchar(64),
  idempotency_key          varchar(200) unique,
  request_hash             varchar(64),
  status_token             varchar(64)  not null,
  created_at               timestamptz  not null
);
create index appeal_client_idx on appeal (client_id);
create index appeal_status_idx on appeal (status);

create table appeal_status_history (
  id        bigserial primary key,
  appeal_id bigint      not null references appeal (id),
  status    varchar(32) not null,
  at        timestamptz not null,
  note      text
);
create index appeal_status_history_appeal_idx on appeal_status_history (appeal_id);

create table appeal_conclusion (
  id        bigserial primary key,
  appeal_id bigint       not null references appeal (id),
  group_id  varchar(64)  not null,
  author    varchar(100),
  text      text         not null,
  at        timestamptz  not null
);
create index appeal_conclusion_appeal_idx on appeal_conclusion (appeal_id);

create table appeal_information (
  id          bigserial primary key,
  appeal_id   bigint      not null references appeal (id),
  received_at timestamptz not null,
  note        text,
  attachments varchar(2000)
);
create index appeal_information_appeal_idx on appeal_information (appeal_id);
