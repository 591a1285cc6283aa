-- SLA breaches (issue 5): one row per case and late step, written by the slaBreach delegate when a regulatory
-- deadline passes with the task still open. "Open" (the late task still active) is read from the engine.
create table sla_breach (
  id                  bigserial    primary key,
  case_number         varchar(64)  not null,
  process_instance_id varchar(64)  not null,
  step                varchar(255) not null,
  step_name           varchar(255),
  group_id            varchar(64),
  escalation_group    varchar(64)  not null,
  jurisdiction        varchar(2)   not null check (jurisdiction in ('RU', 'KZ')),
  due_at              timestamptz  not null,
  breached_at         timestamptz  not null,
  constraint sla_breach_case_step unique (case_number, step)
);
create index sla_breach_group on sla_breach (group_id);
create index sla_breach_escalation_group on sla_breach (escalation_group);
