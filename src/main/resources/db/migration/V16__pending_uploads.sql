-- Resumable (tus) uploads still receiving bytes. The bytes themselves are a file on the web node that received
-- them; the row says how many arrived, so a client that lost its connection resumes where the server stands.
create table pending_uploads (
    id          uuid          not null primary key,
    owner_id    uuid          not null,
    file_name   varchar(255)  not null,
    length      bigint        not null,
    received    bigint        not null,
    created_at  timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null,
    constraint fk_pending_uploads_owner foreign key (owner_id) references users (id)
);
create index ix_pending_uploads_expires on pending_uploads (expires_at);
