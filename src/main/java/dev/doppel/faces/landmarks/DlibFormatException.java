package dev.doppel.faces.landmarks;

import java.io.IOException;

/** The file is not a dlib shape predictor, or it is damaged. */
public class DlibFormatException extends IOException {

    public DlibFormatException(String message, long position) {
        super("Not a valid dlib shape predictor (" + message + " near byte " + position + ")");
    }
}
