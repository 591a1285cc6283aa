-- KZ loan restructuring cases (SPEC §4, source 002 ¶63-79): the read model behind GET /api/restructurings/{number}
-- and the quarterly report. The process instance (business key = number) stays the source of truth for the flow.
create sequence restructuring_number_seq;

create table restructuring_case (
  number                             varchar(32) primary key,
  process_instance_id                varchar(64),
  contract_number                    varchar(64)  not null,
  borrower_full_name                 varchar(255) not null,
  borrower_iin                       varchar(12)  not null,
  language                           varchar(2)   not null,
  requested_options                  varchar(255) not null,
  received_at                        timestamptz  not null,
  status                             varchar(40)  not null,
  early_repayment_demand_blocked     boolean      not null default true,
  income_drop_percent                numeric(12, 6),
  mandatory                          boolean,
  minimum_months                     integer,
  documents_requested_at             timestamptz,
  documents_received_at              timestamptz,
  decision_due_at                    timestamptz,
  decision_type                      varchar(20),
  decision_options                   varchar(255),
  decision_months                    integer,
  decision_approved_at               timestamptz,
  decision_received_at               timestamptz,
  decision_late                      boolean,
  response_due_at                    timestamptz,
  response_window_extended           boolean not null default false,
  client_response                    varchar(20),
  refused_by_operation_of_76         boolean not null default false,
  refused_at                         timestamptz,
  ombudsman_due_at                   timestamptz,
  ombudsman_notified_at              timestamptz,
  ombudsman_decision_at              timestamptz,
  ombudsman_decision                 varchar(2000),
  ombudsman_executed_at              timestamptz,
  closed_at                          timestamptz,
  created_at                         timestamptz not null default now(),
  updated_at                         timestamptz not null default now()
);
create index restructuring_case_received_idx on restructuring_case (received_at);
create index restructuring_case_approved_idx on restructuring_case (decision_approved_at);

