package dev.doppel.media;

/** The file is not something we can use as a video; the message says why, in words for the uploader. */
public class RejectedMediaException extends Exception {

    public RejectedMediaException(String message) {
        super(message, null, false, false);
    }
}
