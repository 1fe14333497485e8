-- The check for overdue steps' mails that a stopped node left unsent (escalationMailsOwed, every 10 minutes) reads
-- the escalations not decided yet in a window of time: where outcome is null and at > ? and at < ?.
-- Without this index each check reads the whole table, which keeps ten years of escalations.

create index ix_escalation_open on escalation (outcome, at);
