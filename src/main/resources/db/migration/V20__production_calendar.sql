-- Production calendars (SPEC §5): one row per country and year with data, one row per exceptional day.
-- Days not listed follow "Monday to Friday work, weekend off". Bundled years are loaded at start from
-- classpath:calendars/*.xml; years added by an administrator (POST /api/calendars) are never overwritten by a release.
create table production_calendar_year (
  country    varchar(2)   not null check (country in ('RU', 'KZ')),
  year       integer      not null check (year between 1990 and 2100),
  source     varchar(255) not null,
  checksum   varchar(64),
  loaded_at  timestamptz  not null,
  loaded_by  varchar(128),
  primary key (country, year)
);

create table production_calendar_day (
  country    varchar(2)   not null,
  year       integer      not null,
  day        date         not null,
  day_type   varchar(16)  not null check (day_type in ('NON_WORKING', 'SHORTENED', 'WORKING')),
  title      varchar(255),
  moved_from date,
  primary key (country, day),
  foreign key (country, year) references production_calendar_year (country, year) on delete cascade,
  check (extract(year from day) = year)
);
