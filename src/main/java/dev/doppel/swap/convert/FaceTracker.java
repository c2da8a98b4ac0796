package dev.doppel.swap.convert;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.LocatedFace;
import dev.doppel.faces.align.LandmarkSmoother;
import dev.doppel.faces.landmarks.GrayImage;

/**
 * Finds the faces of every frame without running the detector on every frame: the detector runs every Nth
 * frame (and whenever a face was lost), and in between each face's landmarks are found again from where the
 * previous frame had them. A followed face that jumps or changes size sharply counts as lost, so a cut in the
 * video makes the detector look again at once. Landmarks are smoothed over time: steady landmarks mean a
 * steady swapped face.
 */
public final class FaceTracker {

    /** A followed face may move this share of its width between frames and still be the same face. */
    static final double MAX_JUMP = 0.35;
    /** ...and change its width by at most this factor. */
    static final double MAX_SCALE = 1.3;

    private final FaceLocator locator;
    private final int detectEvery;
    private final int minFaceSize;
    private final int maxFaces;
    private final double fps;
    private final List<double[]> previous = new ArrayList<>();
    private final List<LandmarkSmoother> smoothers = new ArrayList<>();
    private int sinceDetection = Integer.MAX_VALUE / 2;

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
            return detect(frame, index, null);
        }
        GrayImage gray = FaceLocator.grayOf(frame);
        if (sinceDetection < detectEvery && !previous.isEmpty()) {
            List<double[]> followed = new ArrayList<>();
            for (double[] last : previous) {
                double[] now = locator.follow(gray, last);
                if (now == null || !sameFace(last, now)) {
                    return detect(frame, index, gray);
                }
                followed.add(now);
            }
            return smoothed(followed, index);
        }
        return detect(frame, index, gray);
    }

    private List<TrackedFace> detect(Mat frame, int index, GrayImage gray) {
        sinceDetection = 0;
        List<LocatedFace> found = locator.locate(frame, minFaceSize, maxFaces);
        if (!locator.usesLandmarks()) {
            List<TrackedFace> out = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                out.add(new TrackedFace(i, null, found.get(i).leftEye(), found.get(i).rightEye()));
            }
            return out;
        }
        List<double[]> landmarks = new ArrayList<>();
        for (LocatedFace f : found) {
            landmarks.add(f.landmarks());
        }
        // Detections come largest first; keep each track's face in its slot so its smoother stays with it.
        List<double[]> ordered = matchToTracks(landmarks);
        return smoothed(ordered, index);
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

    private List<TrackedFace> smoothed(List<double[]> landmarks, int index) {
        previous.clear();
        previous.addAll(landmarks);
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
