-- A delivery is claimed in a short transaction (its token here, its next attempt pushed past the call's longest
-- wait), posted outside any transaction, and its outcome recorded only while the token is still on the row.
alter table webhook_delivery add column claim uuid;
