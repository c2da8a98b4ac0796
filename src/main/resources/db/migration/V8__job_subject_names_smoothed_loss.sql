-- The name of what a job works on (video, face set, model, result), kept with the job so the jobs list can name
-- finished jobs whatever page the user is on, and after what they worked on was deleted.
alter table jobs add column subject_name varchar(255);

-- The smoothed loss (mean of A and B) now, beside the lowest it has been (best_loss): the model page compares
-- like with like.
alter table face_models add column smoothed_loss double precision;
