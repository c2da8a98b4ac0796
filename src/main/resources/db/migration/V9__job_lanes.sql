-- Lanes: quick CPU work (thumbnails, face extraction) no longer waits behind GPU work (training, swaps); within a
-- lane, interactive work goes before batch work and accounts take fair turns by the lane time they used lately.
alter table jobs add column lane varchar(8);
update jobs set lane = case when type in ('THUMBNAIL', 'EXTRACT') then 'CPU' else 'GPU' end;
alter table jobs alter column lane set not null;
alter table jobs add column interactive boolean default true not null;
update jobs set interactive = false where type = 'TRAIN';

create index ix_jobs_lane_status on jobs (lane, status, not_before);

-- Each stretch a job ran on a worker: what accounts used of each lane (fair turns, the daily GPU budget).
create table job_runs (
    id          uuid        not null primary key,
    owner_id    uuid        not null,
    job_id      uuid        not null,
    lane        varchar(8)  not null,
    started_at  timestamp(6) with time zone not null,
    ended_at    timestamp(6) with time zone,
    constraint fk_job_runs_owner foreign key (owner_id) references users (id)
);

create index ix_job_runs_lane_ended on job_runs (lane, ended_at);
create index ix_job_runs_owner on job_runs (owner_id, lane, ended_at);
create index ix_job_runs_job on job_runs (job_id, ended_at);
