-- A model keeps the values of the preset it was made with: editing or removing a preset file later changes
-- nothing for existing models. Older rows have none and read the preset by name, as before.
alter table face_models add column preset_values varchar(2000);
