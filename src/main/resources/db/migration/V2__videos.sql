-- Uploaded videos: the original and its thumbnail are blobs; the row keeps what probing found.
create table videos (
    id               uuid         not null primary key,
    owner_id         uuid         not null,
    name             varchar(255) not null,
    size_bytes       bigint       not null,
    blob_key         varchar(36)  not null,
    thumbnail_key    varchar(36)  not null,
    container        varchar(64)  not null,
    video_codec      varchar(64)  not null,
    audio_codec      varchar(64),
    width            integer      not null,
    height           integer      not null,
    fps              double precision not null,
    frame_count      bigint       not null,
    duration_seconds double precision not null,
    has_audio        boolean      not null,
    consent_at       timestamp(6) with time zone not null,
    created_at       timestamp(6) with time zone not null,
    constraint fk_videos_owner foreign key (owner_id) references users (id)
);

create index ix_videos_owner_created on videos (owner_id, created_at);
