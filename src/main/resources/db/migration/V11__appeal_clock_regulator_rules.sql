-- Issues 13, 15, 17: what the intake now takes, the registration mode, the legal ceiling, the regulator's forwarding
-- and the copy sent back, the signatory, and the rules that decided each appeal.
alter table appeal
  add column discovered_at           timestamptz,
  add column application_reason      varchar(64),
  add column claim_amount            numeric(15, 2),
  add column regulator_authority     varchar(32),
  add column regulator_reference     varchar(64),
  add column regulator_forwarded_at  timestamptz,
  add column registration_mode       varchar(16),
  add column legal_deadline_at       timestamptz,
  add column deadline_provisional    boolean      not null default false,
  add column legal_basis             varchar(1000),
  add column answer_signed_by        varchar(64),
  add column regulator_copy_proof    varchar(1000),
  add column regulator_copy_sent_at  timestamptz;

create index appeal_regulator_idx on appeal (regulator_authority) where regulator_authority is not null;

-- Which definitions decided the appeal (auditors reconstruct the routing after the tables changed).
create table appeal_rule (
  id             bigserial     primary key,
  appeal_id      bigint        not null references appeal (id),
  kind           varchar(16)   not null check (kind in ('PROCESS', 'DECISION')),
  definition_key varchar(255)  not null,
  version        integer       not null,
  version_tag    varchar(64),
  deployed_at    timestamptz,
  definition_id  varchar(64)   not null
);
create index appeal_rule_appeal on appeal_rule (appeal_id);
