-- A model may start from the weights of an earlier model of the same account (same preset). The weights are
-- copied when it is created (so deleting or resuming the earlier model changes nothing); its name is kept for
-- the model page ("started from …") after it is gone.
alter table face_models add column warm_start_from uuid;
alter table face_models add column warm_start_name varchar(255);
alter table face_models add column warm_start_iteration bigint;
alter table face_models add column warm_start_key varchar(36);
