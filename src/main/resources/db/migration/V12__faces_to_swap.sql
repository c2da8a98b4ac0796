-- Whose faces a swap replaces in a clip with several people: LARGEST (what every earlier swap did), ALL, MATCH.
alter table results add column faces_to_swap varchar(12) default 'LARGEST' not null;
