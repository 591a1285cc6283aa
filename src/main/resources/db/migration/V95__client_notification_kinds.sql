-- The client-notification outbox (V41) also carries messages of other kinds than a status change (issue 18, client
-- pages): the template to render (null = status-changed) and the client's status link.
alter table client_notification
  add column template   varchar(100),
  add column status_url varchar(1000);
