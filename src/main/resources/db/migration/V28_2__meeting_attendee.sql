-- Issue 21: a member's reply names who will attend (name and post), so the office knows whom to
-- expect and the minutes can say who came.

alter table meeting_member add column attendee varchar(200);
