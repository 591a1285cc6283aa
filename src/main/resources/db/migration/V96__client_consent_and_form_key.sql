-- Public client pages (issue 18, package client).

-- Consent to personal-data processing given on the public appeal page: that it was given, when, to which text.
create table client_consent (
  case_number      varchar(32)  primary key,
  given_at         timestamptz  not null,
  consent_version  varchar(40)  not null,
  -- SHA-256 of the exact consent sentence the client ticked (language and company included)
  text_sha256      char(64)     not null,
  language         varchar(2)   not null,
  channel          varchar(32)  not null
);

-- The key that signs the forms' CSRF tokens, shared by every node (unless appealdesk.client.form-secret is set).
create table client_form_key (
  id      integer     primary key check (id = 1),
  secret  varchar(64) not null
);
