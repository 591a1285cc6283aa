-- Retention (issue 17, 152-FZ, docs/retention.md): personal data of a closed case is anonymised once its retention
-- period after closing has passed. One row per anonymised case: when, what it was, how much was cleared. The primary
-- key makes the job idempotent and safe on several nodes (the node whose insert wins does the work in the same
-- transaction; another one finds the row and skips the case).
create table case_anonymisation (
  case_number        varchar(64)  primary key,
  case_kind          varchar(16)  not null check (case_kind in ('APPEAL', 'RESTRUCTURING')),
  closed_at          timestamptz  not null,
  anonymised_at      timestamptz  not null,
  app_rows           integer      not null default 0,
  history_variables  integer      not null default 0,
  node               varchar(64)
);

create index appeal_closed_at_idx on appeal (closed_at) where closed_at is not null;
create index restructuring_case_closed_at_idx on restructuring_case (closed_at) where closed_at is not null;
