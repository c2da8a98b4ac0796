package dev.doppel.training;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.Face;
import dev.doppel.storage.BlobStore;

/**
 * The aligned faces and masks of one face set at the preset's size, split into training and held-out faces
 * (every twentieth face with the default 5 %, spread over the whole video rather than its end).
 */
public final class FaceData implements AutoCloseable {

    private final List<Mat[]> training = new ArrayList<>();
    private final List<Mat[]> heldOut = new ArrayList<>();

    private FaceData() {
    }

    public static FaceData load(List<Face> faces, BlobStore blobs, int size, double holdout) throws IOException {
        FaceData data = new FaceData();
        for (int i = 0; i < faces.size(); i++) {
            Face f = faces.get(i);
            Mat image = decode(blobs, f.imageKey, opencv_imgcodecs.IMREAD_COLOR, size);
            Mat mask = decode(blobs, f.maskKey, opencv_imgcodecs.IMREAD_GRAYSCALE, size);
            (isHeldOut(i, holdout) ? data.heldOut : data.training).add(new Mat[] { image, mask });
        }
        return data;
    }

    /**
     * Whether the face at {@code index} of its set (in frame order) is held out: every twentieth with 5 %. The
     * one rule for training and for whoever judges the model later on the faces it never saw.
     */
    public static boolean isHeldOut(int index, double holdout) {
        int every = holdout <= 0 ? Integer.MAX_VALUE : Math.max(2, (int) Math.round(1 / holdout));
        return index % every == every - 1;
    }

    /** For tests and tools that already have the faces in memory. */
    public static FaceData of(List<Mat[]> training, List<Mat[]> heldOut) {
        FaceData data = new FaceData();
        data.training.addAll(training);
        data.heldOut.addAll(heldOut);
        return data;
    }

    public List<Mat[]> training() {
        return training;
    }

    public List<Mat[]> heldOut() {
        return heldOut;
    }

    private static Mat decode(BlobStore blobs, String key, int flags, int size) throws IOException {
        byte[] bytes;
        try (InputStream in = blobs.open(key)) {
            bytes = in.readAllBytes();
        }
        try (BytePointer pointer = new BytePointer(bytes); Mat buffer = new Mat(1, bytes.length,
                org.bytedeco.opencv.global.opencv_core.CV_8UC1, pointer); Mat full = opencv_imgcodecs.imdecode(buffer,
                        flags)) {
            Mat out = new Mat();
            opencv_imgproc.resize(full, out, new Size(size, size), 0, 0, opencv_imgproc.INTER_AREA);
            return out;
        }
    }

    @Override
    public void close() {
        for (List<Mat[]> list : List.of(training, heldOut)) {
            for (Mat[] pair : list) {
                pair[0].close();
                pair[1].close();
            }
            list.clear();
        }
    }
}
