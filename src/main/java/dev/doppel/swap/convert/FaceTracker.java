package dev.doppel.swap.convert;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.LocatedFace;
import dev.doppel.faces.align.LandmarkSmoother;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.landmarks.GrayImage;
import dev.doppel.swap.quality.FaceCrops;

/**
 * Finds the faces of every frame without running the full detector on every frame. Once found, each face is
 * followed: its landmarks are found again from where the previous frame had them. A followed face that jumps,
 * changes size sharply, or whose patch of picture changes far more than a moving face does (a cut, the face
 * leaving) counts as lost, and the detector looks again at once. Every Nth frame an upright detection looks for
 * faces that came into view and re-anchors the followed ones; when it finds fewer than are followed (a tilted
 * or half-turned head the cascade misses), the followed faces are kept. With no face in view the detector looks
 * at every frame, tilted copies at half size included, so a face is swapped from the frame it appears in.
 * Every detection is confirmed on its aligned crop before it is followed, so a pattern in the background the
 * cascade mistook for a face is not swapped and then followed around.
 * Landmarks are smoothed over time: steady landmarks mean a steady swapped face.
 */
public final class FaceTracker implements AutoCloseable {

    /** A followed face may move this share of its width between frames and still be the same face. */
    static final double MAX_JUMP = 0.35;
    /** ...and change its width by at most this factor. */
    static final double MAX_SCALE = 1.3;
    /**
     * Mean grey-level change (0–255) of the face's patch between two frames above which it is no longer the same
     * picture. A talking face moves its patch by a few levels; a cut to another shot by tens.
     */
    static final double MAX_PATCH_CHANGE = 20;
    static final int PATCH = 24;

    private final FaceLocator locator;
    private final int detectEvery;
    private final int minFaceSize;
    private final int maxFaces;
    private final double fps;
    private final List<double[]> previous = new ArrayList<>();
    private final List<LandmarkSmoother> smoothers = new ArrayList<>();
    private final List<Mat> patches = new ArrayList<>();
    private int sinceDetection;

    public FaceTracker(FaceLocator locator, int detectEvery, int minFaceSize, int maxFaces, double fps) {
        this.locator = locator;
        this.detectEvery = Math.max(1, detectEvery);
        this.minFaceSize = minFaceSize;
        this.maxFaces = maxFaces;
        this.fps = fps > 0 ? fps : 25;
    }

    /** The faces of {@code frame}; frames must come in order. */
    public List<TrackedFace> next(Mat frame, int index) {
        sinceDetection++;
        if (!locator.usesLandmarks()) {
            return eyesOnly(frame);
        }
        if (previous.isEmpty()) {
            return detected(frame, index, FaceDetector.Search.QUICK_TILTED, 0);
        }
        GrayImage gray = FaceLocator.grayOf(frame);
        List<double[]> followed = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            double[] last = previous.get(i);
            double[] now = locator.follow(gray, last);
            if (now == null || !sameFace(last, now) || changed(frame, now, i)) {
                return detected(frame, index, FaceDetector.Search.QUICK_TILTED, 0);
            }
            followed.add(now);
        }
        if (sinceDetection >= detectEvery) {
            List<TrackedFace> fresh = detected(frame, index, FaceDetector.Search.UPRIGHT, followed.size());
            if (fresh != null) {
                return fresh;
            }
        }
        return smoothed(followed, index, frame);
    }

    /**
     * Detects faces; with fewer than {@code atLeast} found, returns null and changes nothing (the followed faces
     * stay).
     */
    private List<TrackedFace> detected(Mat frame, int index, FaceDetector.Search search, int atLeast) {
        sinceDetection = 0;
        List<LocatedFace> found = locator.locate(frame, minFaceSize, maxFaces, search);
        if (found.size() < atLeast) {
            return null;
        }
        List<double[]> landmarks = new ArrayList<>();
        for (LocatedFace f : found) {
            if (locator.confirms(frame, f.landmarks())) {
                landmarks.add(f.landmarks());
            }
        }
        if (landmarks.size() < atLeast) {
            return null;
        }
        // Detections come largest first; keep each track's face in its slot so its smoother stays with it.
        return smoothed(matchToTracks(landmarks), index, frame);
    }

    private List<TrackedFace> eyesOnly(Mat frame) {
        List<LocatedFace> found = locator.locate(frame, minFaceSize, maxFaces, FaceDetector.Search.QUICK_TILTED);
        List<TrackedFace> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            out.add(new TrackedFace(i, null, found.get(i).leftEye(), found.get(i).rightEye()));
        }
        return out;
    }

    private List<double[]> matchToTracks(List<double[]> found) {
        List<double[]> ordered = new ArrayList<>(found);
        if (previous.size() == 2 && found.size() == 2 && distance(previous.get(0), found.get(1))
                + distance(previous.get(1), found.get(0)) < distance(previous.get(0), found.get(0))
                        + distance(previous.get(1), found.get(1))) {
            ordered = List.of(found.get(1), found.get(0));
        }
        return ordered;
    }

    private List<TrackedFace> smoothed(List<double[]> landmarks, int index, Mat frame) {
        previous.clear();
        previous.addAll(landmarks);
        closePatches();
        for (double[] l : landmarks) {
            patches.add(patch(frame, l));
        }
        while (smoothers.size() < landmarks.size()) {
            smoothers.add(new LandmarkSmoother());
        }
        for (int i = landmarks.size(); i < smoothers.size(); i++) {
            smoothers.get(i).reset();
        }
        List<TrackedFace> out = new ArrayList<>();
        for (int i = 0; i < landmarks.size(); i++) {
            out.add(new TrackedFace(i, smoothers.get(i).smooth(landmarks.get(i), index, fps, 1), null, null));
        }
        return out;
    }

    /** Whether face {@code track}'s patch of picture changed beyond what a moving face does. */
    private boolean changed(Mat frame, double[] landmarks, int track) {
        if (track >= patches.size() || patches.get(track) == null) {
            return false;
        }
        try (Mat now = patch(frame, landmarks)) {
            if (now == null) {
                return true;
            }
            return FaceCrops.difference(patches.get(track), now) > MAX_PATCH_CHANGE;
        }
    }

    /** The landmarks' bounding box, grey and {@link #PATCH} square; null when it lies outside the frame. */
    static Mat patch(Mat frame, double[] landmarks) {
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < landmarks.length; i += 2) {
            minX = Math.min(minX, landmarks[i]);
            maxX = Math.max(maxX, landmarks[i]);
            minY = Math.min(minY, landmarks[i + 1]);
            maxY = Math.max(maxY, landmarks[i + 1]);
        }
        int x0 = (int) Math.max(0, minX);
        int y0 = (int) Math.max(0, minY);
        int x1 = (int) Math.min(frame.cols(), maxX);
        int y1 = (int) Math.min(frame.rows(), maxY);
        if (x1 - x0 < 4 || y1 - y0 < 4) {
            return null;
        }
        Mat out = new Mat();
        try (Mat roi = new Mat(frame, new Rect(x0, y0, x1 - x0, y1 - y0));
                Mat small = new Mat()) {
            opencv_imgproc.resize(roi, small,
                    new Size(PATCH, PATCH), 0, 0,
                    opencv_imgproc.INTER_AREA);
            opencv_imgproc.cvtColor(small, out,
                    opencv_imgproc.COLOR_BGR2GRAY);
        }
        return out;
    }

    private void closePatches() {
        for (Mat p : patches) {
            if (p != null) {
                p.close();
            }
        }
        patches.clear();
    }

    @Override
    public void close() {
        closePatches();
    }

    static boolean sameFace(double[] before, double[] after) {
        double w0 = width(before);
        double w1 = width(after);
        return distance(before, after) < MAX_JUMP * w0 && w1 < w0 * MAX_SCALE && w1 > w0 / MAX_SCALE;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(mean(a, 0) - mean(b, 0), mean(a, 1) - mean(b, 1));
    }

    static double width(double[] pts) {
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int i = 0; i < pts.length; i += 2) {
            min = Math.min(min, pts[i]);
            max = Math.max(max, pts[i]);
        }
        return Math.max(1, max - min);
    }

    private static double mean(double[] pts, int axis) {
        double s = 0;
        for (int i = axis; i < pts.length; i += 2) {
            s += pts[i];
        }
        return s / (pts.length / 2.0);
    }
}
