package dev.doppel.storage;

import java.io.IOException;

public class BlobNotFoundException extends IOException {

    public BlobNotFoundException(String key) {
        super("No blob with key " + key);
    }
}
