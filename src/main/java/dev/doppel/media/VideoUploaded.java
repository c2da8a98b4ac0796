package dev.doppel.media;

/** Fired inside the transaction that stores a new video, so follow-up work commits with it or not at all. */
public record VideoUploaded(Video video) {
}
