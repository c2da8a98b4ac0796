-- Face sets (one per extraction of a video, or a merge of several) and their aligned faces.
create table face_sets (
    id                  uuid         not null primary key,
    owner_id            uuid         not null,
    name                varchar(255) not null,
    video_id            uuid,
    status              varchar(16)  not null,
    message             varchar(500),
    detector            varchar(20)  not null,
    every_nth_frame     integer      not null,
    min_face_size       integer      not null,
    max_faces_per_frame integer      not null,
    landmarks           boolean      not null,
    face_count          integer      not null,
    frames_scanned      integer      not null,
    frames_with_faces   integer      not null,
    created_at          timestamp(6) with time zone not null,
    constraint fk_face_sets_owner foreign key (owner_id) references users (id)
);

create index ix_face_sets_owner on face_sets (owner_id, created_at);
create index ix_face_sets_video on face_sets (video_id);

create table faces (
    id          uuid         not null primary key,
    owner_id    uuid         not null,
    face_set_id uuid         not null,
    frame_index integer      not null,
    box_x       double precision not null,
    box_y       double precision not null,
    box_width   double precision not null,
    box_height  double precision not null,
    landmarks   varchar(3000),
    transform   varchar(300) not null,
    blur        double precision not null,
    size        double precision not null,
    image_key   varchar(36)  not null,
    mask_key    varchar(36)  not null,
    created_at  timestamp(6) with time zone not null,
    constraint fk_faces_owner foreign key (owner_id) references users (id),
    constraint fk_faces_face_set foreign key (face_set_id) references face_sets (id)
);

create index ix_faces_set on faces (face_set_id, frame_index);
