-- Outage communication playbook (SPEC §6): one record per outage, the message prepared once for every channel,
-- and the appeals accepted while it lasted.
create sequence outage_number_seq;

create table outage (
  number               varchar(32) primary key,
  what                 text not null,
  since                timestamptz not null,
  affected_channels    varchar(512) not null,
  expected_recovery    varchar(500),
  status               varchar(16) not null check (status in ('OPEN', 'RESTORED')),
  message_ru           text not null,
  message_kk           text not null,
  restored_at          timestamptz,
  restored_message_ru  text,
  restored_message_kk  text,
  process_instance_id  varchar(64) not null,
  created_at           timestamptz not null
);
create index outage_open_idx on outage (status) where status = 'OPEN';

create table outage_appeal (
  outage_number  varchar(32) not null references outage (number),
  appeal_number  varchar(64) not null,
  received_at    timestamptz,
  registered_at  timestamptz not null,
  primary key (outage_number, appeal_number)
);
