-- Colour modes and blend methods are plugins found by name (ColourMatchers, BlendMethods), lower case like the
-- API's; colour names grew ("hist", "mkl"; room for longer ones).
alter table results alter column colour set data type varchar(16);
update results set colour = lower(colour);
update results set blend = lower(blend);
