-- Every extracted face gets a second look by a face model (YuNet on the aligned crop): its score, null where
-- nobody looked (faces extracted before this version, or with the model file missing) — unknown, not failed.
alter table faces add column face_score double precision;

-- How many of a set's faces were checked, and how many of those did not look like a face: the set is flagged
-- for review when most of them did not. Sets from before this version checked none.
alter table face_sets add column faces_checked integer default 0 not null;
alter table face_sets add column faces_doubtful integer default 0 not null;
