-- A notice is claimed in a short transaction (its token here, its next attempt pushed past the longest sending can
-- take), sent outside any transaction, and each channel's outcome recorded only while the token is still on the row.
alter table notice add column claim uuid;
