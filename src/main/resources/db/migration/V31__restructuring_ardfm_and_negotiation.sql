-- Issue 16: the ARDFM deferral (Resolution No. 49 of 28.08.2025), the comparison of the decision with the request
-- (¶74), the suspension until documents arrive (¶75, second numbering), the negotiation window from the first decision
-- with any number of agreed extensions (¶76) and ombudsman cases tracked to execution, also after a late notice (¶78).
alter table restructuring_case
  add column intake_gaps                   varchar(200),
  add column required_option               varchar(40),
  add column fees_waived                   boolean,
  add column documents_reminders           integer not null default 0,
  add column documents_last_reminder_at    timestamptz,
  add column decision_fees_waived          boolean,
  add column decision_differs_from_request boolean,
  add column decision_added_options        varchar(255),
  add column decision_dropped_options      varchar(255),
  add column decision_difference_reason    varchar(2000),
  add column first_decision_received_at    timestamptz,
  add column response_window_extensions    integer not null default 0,
  add column ombudsman_notice_late         boolean not null default false,
  add column ombudsman_outcome             varchar(30),
  add column ombudsman_execution_required  boolean,
  add column ombudsman_execution_due_at    timestamptz,
  add column ombudsman_executed_late       boolean,
  add column ombudsman_closed_at           timestamptz;

create index restructuring_case_ombudsman_idx on restructuring_case (ombudsman_notified_at);
create index restructuring_case_blocked_idx on restructuring_case (early_repayment_demand_blocked)
  where early_repayment_demand_blocked;

-- ¶76: every extension of the 30-day window, with the consent of both sides.
create table restructuring_window_extension (
  id                  bigserial primary key,
  case_number         varchar(32)   not null references restructuring_case (number),
  extended_at         timestamptz   not null,
  days                integer       not null,
  previous_due_at     timestamptz   not null,
  new_due_at          timestamptz   not null,
  client_consent      varchar(2000) not null,
  client_consent_at   timestamptz   not null,
  company_consent_by  varchar(100)  not null,
  company_consent     varchar(2000),
  comment             varchar(2000)
);
create index restructuring_window_extension_case_idx on restructuring_window_extension (case_number);
