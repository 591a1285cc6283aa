-- Issue 18: the company letterhead per jurisdiction (RU, KZ) and the positions of the employees who sign answers and
-- letters. Both are edited by an administrator through /api/company; names come from the Camunda user.
create table company_profile (
  jurisdiction         varchar(2)   primary key check (jurisdiction in ('RU', 'KZ')),
  legal_form           varchar(200) not null,
  name                 varchar(300) not null,
  -- RU: ИНН, ОГРН, registry entry of the MFO in the Bank of Russia's state register; KZ: БИН, ARDFM licence
  inn                  varchar(12),
  ogrn                 varchar(15),
  mfo_registry_number  varchar(30),
  bin                  varchar(12),
  licence              varchar(300),
  legal_address        varchar(500) not null,
  postal_address       varchar(500),
  phone                varchar(40)  not null,
  email                varchar(254) not null,
  website              varchar(200),
  -- the same texts in Kazakh for letters in Kazakh (null: the Russian one is printed)
  legal_form_kk        varchar(200),
  name_kk              varchar(300),
  legal_address_kk     varchar(500),
  postal_address_kk    varchar(500),
  licence_kk           varchar(300),
  logo                 bytea,
  logo_content_type    varchar(20) check (logo_content_type in ('image/png', 'image/jpeg')),
  updated_at           timestamptz  not null default now(),
  updated_by           varchar(64)  not null
);

create table signatory_position (
  user_id     varchar(64)  primary key,
  position    varchar(200) not null,
  position_kk varchar(200),
  updated_at  timestamptz  not null default now(),
  updated_by  varchar(64)  not null
);
