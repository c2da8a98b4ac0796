-- Failed sign-ins, counted in the database so that every web node sees the same counts and a restart keeps them.
create table login_failures (
    id            uuid         not null primary key,
    throttle_key  varchar(400) not null,
    failed_at     timestamp(6) with time zone not null
);
create index ix_login_failures_key_time on login_failures (throttle_key, failed_at);

-- Accounts just created, by email and address: their first sign-in from there is never throttled.
create table login_signups (
    signup_key    varchar(400) not null primary key,
    signed_up_at  timestamp(6) with time zone not null
);
