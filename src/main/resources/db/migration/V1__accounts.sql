-- Accounts and their activity log. Portable SQL: the same file runs on H2 (embedded) and PostgreSQL.
create table users (
    id            uuid         not null primary key,
    email         varchar(320) not null,
    password_hash varchar(100) not null,
    roles         varchar(100) not null,
    created_at    timestamp(6) with time zone not null,
    constraint uk_users_email unique (email)
);

create table account_events (
    id             uuid        not null primary key,
    owner_id       uuid        not null,
    type           varchar(40) not null,
    at             timestamp(6) with time zone not null,
    client_address varchar(64),
    constraint fk_account_events_owner foreign key (owner_id) references users (id)
);

create index ix_account_events_owner_at on account_events (owner_id, at);
