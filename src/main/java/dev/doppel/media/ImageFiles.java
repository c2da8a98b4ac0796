package dev.doppel.media;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/** Encodes images to the bytes of a file (".jpg", ".png"), as thumbnails, face crops, masks and previews are stored. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /** {@code params} are OpenCV's imwrite flags and values, e.g. IMWRITE_JPEG_QUALITY, 85. */
    public static byte[] encode(String extension, Mat image, int... params) {
        try (BytePointer buffer = new BytePointer(); IntPointer flags = new IntPointer(params)) {
            if (!opencv_imgcodecs.imencode(extension, image, buffer, flags)) {
                throw new IllegalStateException("OpenCV could not encode a " + extension + " image");
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }
}
