-- Swapped videos. A result keeps the names of its model and video so it stays readable after either is deleted
-- (the user's result is theirs to keep), hence no foreign keys to them.
create table results (
    id                    uuid         not null primary key,
    owner_id              uuid         not null,
    name                  varchar(255) not null,
    model_id              uuid         not null,
    model_name            varchar(255) not null,
    video_id              uuid         not null,
    video_name            varchar(255) not null,
    direction             varchar(8)   not null,
    status                varchar(16)  not null,
    message               varchar(500),
    colour                varchar(8)   not null,
    blend                 varchar(12)  not null,
    mask_erode            integer      not null,
    mask_feather          integer      not null,
    visible_label         boolean      not null,
    fine_tune_iterations  integer      not null,
    blob_key              varchar(36),
    thumbnail_key         varchar(36),
    size_bytes            bigint       not null,
    width                 integer      not null,
    height                integer      not null,
    fps                   double precision not null,
    frame_count           bigint       not null,
    frames_with_faces     bigint       not null,
    duration_seconds      double precision not null,
    has_audio             boolean      not null,
    report                varchar(4000),
    job_id                uuid,
    created_at            timestamp(6) with time zone not null,
    finished_at           timestamp(6) with time zone,
    constraint fk_results_owner foreign key (owner_id) references users (id)
);

create index ix_results_owner on results (owner_id, created_at);
