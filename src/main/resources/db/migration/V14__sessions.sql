-- Server-side sessions: the encrypted form-login cookie says who signed in, this row says the sign-in still
-- stands. Every web node reads the same rows, so ending a session ends it everywhere on the next request.
create table user_sessions (
    id             uuid         not null primary key,
    owner_id       uuid         not null,
    token_hash     varchar(64)  not null,
    created_at     timestamp(6) with time zone not null,
    last_seen_at   timestamp(6) with time zone not null,
    client_address varchar(64),
    user_agent     varchar(400),
    revoked_at     timestamp(6) with time zone,
    constraint uk_user_sessions_token unique (token_hash),
    constraint fk_user_sessions_owner foreign key (owner_id) references users (id)
);
create index ix_user_sessions_owner on user_sessions (owner_id, last_seen_at);
