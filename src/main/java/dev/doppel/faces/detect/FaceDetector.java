package dev.doppel.faces.detect;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Finds faces in a frame. Implementations fill {@link #find}; the base work — downscaling large frames, a
 * second look at tilted copies when upright search found too few faces, dropping faces below the minimum size,
 * mapping boxes back to frame pixels, largest first — is done here.
 */
public abstract class FaceDetector implements AutoCloseable {

    /** Frames are searched at most this wide: Haar at full HD costs 10× more and finds the same faces. */
    static final int SEARCH_WIDTH = 640;

    public abstract String name();

    /** Heads tilted this far are found by searching a copy of the frame turned the other way. */
    static final double[] TILTS = { 25, -25 };

    /**
     * Faces in a BGR frame, in frame pixels, largest first, at least {@code minSize} pixels wide. When the
     * upright search finds fewer than {@code wanted}, tilted copies of the frame are searched too.
     */
    public final List<Detection> detect(Mat bgr, int minSize, int wanted) {
        return detect(bgr, minSize, wanted, Search.TILTED);
    }

    /** How thoroughly to look. */
    public enum Search {
        /** Upright only. */
        UPRIGHT,
        /** Upright, then tilted copies at full search size when too few faces were found. */
        TILTED,
        /** Upright, then tilted copies at half the search size: a third of TILTED's extra cost, small faces missed. */
        QUICK_TILTED
    }

    /** As {@link #detect(Mat, int, int)}, as thorough as asked. */
    public final List<Detection> detect(Mat bgr, int minSize, int wanted, Search search) {
        double scale = Math.min(1.0, SEARCH_WIDTH / (double) bgr.cols());
        int minScaled = Math.max(12, (int) Math.round(minSize * scale));
        List<Detection> found = new ArrayList<>(find(bgr, scale, minScaled));
        if (search != Search.UPRIGHT && found.size() < wanted) {
            double tiltScale = search == Search.QUICK_TILTED ? scale / 2 : scale;
            int tiltMin = search == Search.QUICK_TILTED ? Math.max(12, minScaled / 2) : minScaled;
            for (double tilt : TILTS) {
                for (Detection t : findTilted(bgr, tiltScale, tiltMin, tilt)) {
                    Detection d = t.scaled(scale / tiltScale);
                    boolean known = found.stream().anyMatch(f -> Math.hypot(f.centerX() - d.centerX(),
                            f.centerY() - d.centerY()) < 0.5 * Math.max(f.width(), d.width()));
                    if (!known) {
                        found.add(d);
                    }
                }
            }
        }
        return found.stream()
                .map(d -> d.scaled(1 / scale))
                .filter(d -> d.width() >= minSize)
                .sorted((a, b) -> Double.compare(b.width() * b.height(), a.width() * a.height()))
                .toList();
    }

    /** Searches a copy turned by {@code degrees} and maps the box centres back, in scaled pixels. */
    private List<Detection> findTilted(Mat bgr, double scale, int minSize, double degrees) {
        try (Mat turned = new Mat(); Point2f centre = new Point2f(bgr.cols() / 2f, bgr.rows() / 2f);
                Mat rotation = opencv_imgproc.getRotationMatrix2D(centre, degrees, 1.0)) {
            opencv_imgproc.warpAffine(bgr, turned, rotation, bgr.size(), opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_REPLICATE, new Scalar());
            double a = Math.toRadians(degrees);
            double cos = Math.cos(a);
            double sin = Math.sin(a);
            double cx = bgr.cols() / 2.0 * scale;
            double cy = bgr.rows() / 2.0 * scale;
            List<Detection> out = new ArrayList<>();
            for (Detection d : find(turned, scale, minSize)) {
                // Inverse of OpenCV's rotation (positive degrees turn the picture counter-clockwise).
                double dx = d.centerX() - cx;
                double dy = d.centerY() - cy;
                double x = cos * dx - sin * dy + cx;
                double y = sin * dx + cos * dy + cy;
                out.add(new Detection(x - d.width() / 2, y - d.height() / 2, d.width(), d.height(), d.score() * 0.9));
            }
            return out;
        }
    }

    /** Faces in the frame scaled by {@code scale}, in scaled pixels. */
    protected abstract List<Detection> find(Mat bgr, double scale, int minSize);

    @Override
    public void close() {
    }
}
