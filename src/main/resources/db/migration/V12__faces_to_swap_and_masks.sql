-- Whose faces a swap replaces in a clip with several people: LARGEST (what every earlier swap did), ALL, MATCH.
alter table results add column faces_to_swap varchar(12) default 'LARGEST' not null;
-- The mask plugin a face set's masks were drawn with; a swap of that person uses it too. Earlier sets: the hull.
alter table face_sets add column mask varchar(12) default 'hull' not null;
