-- How many files a request has, kept with the request (issue 18): the request's view reads its attachments
-- only where there are any, and most requests have none. Written only by the upload, never by saving the
-- request, so two uploads at once both count.
alter table assistance_request add column attachment_count integer default 0 not null;

update assistance_request r set attachment_count =
    (select count(*) from assistance_attachment a where a.request_id = r.id);
