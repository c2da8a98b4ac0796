-- Requests the per-account rate limits admitted (uploads, trainings, swaps, extractions), counted in the database
-- so that every web node sees the same counts and a restart keeps them; pruned once older than every window.
create table admitted_requests (
    id           uuid         not null primary key,
    owner_id     uuid         not null,
    action       varchar(20)  not null,
    admitted_at  timestamp(6) with time zone not null,
    constraint fk_admitted_requests_owner foreign key (owner_id) references users (id)
);
create index ix_admitted_requests_owner_action_time on admitted_requests (owner_id, action, admitted_at);
create index ix_admitted_requests_time on admitted_requests (admitted_at);
