-- Colour modes are plugins found by name (ColourMatchers), lower case like the API's, and the names grew
-- ("hist", "mkl"; room for longer ones).
alter table results alter column colour set data type varchar(16);
update results set colour = lower(colour);
