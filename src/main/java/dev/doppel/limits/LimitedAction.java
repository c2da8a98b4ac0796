package dev.doppel.limits;

/**
 * The expensive things an account asks for, each with its own request rate; the words are what the 429's
 * detail says about it.
 */
public enum LimitedAction {

    UPLOAD("uploads", "upload this video"),
    TRAIN("trainings requested", "start this training"),
    SWAP("swaps requested", "start this swap"),
    EXTRACT("face extractions requested", "start this extraction");

    /** "Too many … in the last minute". */
    final String requests;
    /** "…; … when one of them has finished". */
    final String doIt;

    LimitedAction(String requests, String doIt) {
        this.requests = requests;
        this.doIt = doIt;
    }

    public RequestRate rate(LimitsConfig config) {
        return switch (this) {
            case UPLOAD -> new RequestRate(config.uploadCount(), config.uploadWindow());
            case TRAIN -> new RequestRate(config.trainCount(), config.trainWindow());
            case SWAP -> new RequestRate(config.swapCount(), config.swapWindow());
            case EXTRACT -> new RequestRate(config.extractCount(), config.extractWindow());
        };
    }
}
