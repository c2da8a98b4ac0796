package dev.doppel.faces.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.LocatedFace;
import dev.doppel.faces.align.FaceCrops;
import dev.doppel.faces.align.LandmarkSmoother;
import dev.doppel.faces.detect.Detection;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.geometry.Bounds;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.landmarks.FaceBox;
import dev.doppel.faces.landmarks.GrayImage;

/**
 * Finds the faces of every frame it is given without running the full detector on each. Once found, each face
 * is followed: its landmarks are found again from where the previous frame had them. A followed face that
 * jumps, changes size sharply, or whose patch of picture changes far more than a moving face does (a cut, the
 * face leaving) counts as lost, and the detector looks again at once. Every {@code detectEvery} frames an upright
 * detection looks for faces that came into view and re-anchors the followed ones; when it finds fewer than are
 * followed (a turned head the detector misses), the followed faces are kept. With no face in view the detector
 * looks at every frame it is given. Every detection is confirmed on its aligned crop and passed through the
 * {@link FaceFilter} (whose faces) before it is followed, so a pattern in the background the detector mistook
 * for a face is not followed around. Landmarks are smoothed over time: steady landmarks mean a steady face.
 */
public final class FaceTracker implements AutoCloseable {

    /** A followed face may move this share of its width per frame and still be the same face. */
    static final double MAX_JUMP = 0.35;
    /** ...and change its width by at most this factor. */
    static final double MAX_SCALE = 1.3;
    /**
     * A followed face's landmarks may drift from the width they had at its detection by at most this factor. In
     * motion blur dlib's landmarks shrink a little every frame (openmpf clip, camera moving: 52 → 41 px in four
     * frames), which no single step shows; past this the face counts as lost and the detector looks again.
     */
    static final double MAX_DRIFT = 1.2;
    /**
     * Mean grey-level change (0–255) of the face's patch between two frames above which it is no longer the same
     * picture. A talking face moves its patch by a few levels; a cut to another shot by tens.
     */
    static final double MAX_PATCH_CHANGE = 20;
    static final int PATCH = 24;
    /** How the tracker looks: detector every N source frames, the faces it keeps, the rate frames came at. */
    public record Settings(int detectEvery, int minFaceSize, int maxFaces, FaceDetector.Search whenLost,
            double fps, int frameStep) {

        public Settings {
            detectEvery = Math.max(1, detectEvery);
            maxFaces = Math.max(1, maxFaces);
            fps = fps > 0 ? fps : 25;
            frameStep = Math.max(1, frameStep);
        }
    }

    private final FaceLocator locator;
    private final Settings settings;
    private final FaceFilter filter;
    private final List<Landmarks> previous = new ArrayList<>();
    /** Per track, the landmarks' width at its detection: the size it is followed at and may drift from. */
    private final List<Double> detectedWidths = new ArrayList<>();
    private final List<LandmarkSmoother> smoothers = new ArrayList<>();
    private final List<Mat> patches = new ArrayList<>();
    private int lastDetection = Integer.MIN_VALUE / 2;

    public FaceTracker(FaceLocator locator, Settings settings, FaceFilter filter) {
        this.locator = locator;
        this.settings = settings;
        this.filter = filter;
    }

    /** The faces of {@code frame}; frames must come in order, {@code index} counts source frames. */
    public List<TrackedFace> next(Mat frame, int index) {
        if (!locator.usesLandmarks()) {
            return eyesOnly(frame);
        }
        if (previous.isEmpty()) {
            return detected(frame, index, settings.whenLost(), 0);
        }
        GrayImage gray = FaceLocator.grayOf(frame);
        List<Landmarks> followed = new ArrayList<>();
        for (int i = 0; i < previous.size(); i++) {
            Landmarks last = previous.get(i);
            Landmarks now = locator.follow(gray, last, detectedWidths.get(i));
            if (now == null || !sameFace(last, now) || drifted(now, i) || changed(frame, now, i)) {
                return detected(frame, index, settings.whenLost(), 0);
            }
            followed.add(now);
        }
        if (index - lastDetection >= settings.detectEvery()) {
            List<TrackedFace> fresh = detected(frame, index, FaceDetector.Search.UPRIGHT, followed.size());
            if (fresh != null) {
                return fresh;
            }
        }
        return smoothed(followed, index, frame, false);
    }

    /**
     * Detects faces; with fewer than {@code atLeast} kept, returns null and changes nothing (the followed faces
     * stay).
     */
    private List<TrackedFace> detected(Mat frame, int index, FaceDetector.Search search, int atLeast) {
        lastDetection = index;
        // Tilted copies of the frame are searched only when fewer faces turn up than were being followed.
        int expected = Math.max(1, Math.min(previous.size(), filter.candidates()));
        List<LocatedFace> found = locator.locate(frame, settings.minFaceSize(), filter.candidates(), expected,
                search);
        if (found.size() < atLeast) {
            return null;
        }
        List<Landmarks> confirmed = found.stream().map(LocatedFace::landmarks)
                .filter(l -> locator.confirms(frame, l)).toList();
        List<Landmarks> chosen = filter.keep(frame, confirmed);
        List<Landmarks> kept = chosen.subList(0, Math.min(chosen.size(), settings.maxFaces()));
        if (kept.size() < atLeast) {
            return null;
        }
        return smoothed(matchToTracks(kept), index, frame, true);
    }

    private List<TrackedFace> eyesOnly(Mat frame) {
        List<LocatedFace> found = locator.locate(frame, settings.minFaceSize(), settings.maxFaces(),
                settings.whenLost());
        List<TrackedFace> out = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            LocatedFace f = found.get(i);
            out.add(new TrackedFace(i, bounds(f.box()), null, f.leftEye(), f.rightEye()));
        }
        return out;
    }

    /** Detections come largest first; each track's face is kept in its slot so its smoother stays with it. */
    private List<Landmarks> matchToTracks(List<Landmarks> found) {
        if (previous.size() == 2 && found.size() == 2) {
            Landmarks a = found.get(0);
            Landmarks b = found.get(1);
            if (previous.get(0).distanceTo(b) + previous.get(1).distanceTo(a)
                    < previous.get(0).distanceTo(a) + previous.get(1).distanceTo(b)) {
                return List.of(b, a);
            }
        }
        return found;
    }

    private List<TrackedFace> smoothed(List<Landmarks> landmarks, int index, Mat frame, boolean detected) {
        previous.clear();
        previous.addAll(landmarks);
        if (detected) {
            detectedWidths.clear();
            landmarks.forEach(l -> detectedWidths.add(l.width()));
        }
        closePatches();
        for (Landmarks l : landmarks) {
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
            Landmarks smooth = smoothers.get(i).smooth(landmarks.get(i), index, settings.fps(), settings.frameStep());
            out.add(new TrackedFace(i, bounds(FaceLocator.refined(smooth)), smooth, null, null));
        }
        return out;
    }

    private static Bounds bounds(Detection d) {
        return new Bounds(d.x(), d.y(), d.x() + d.width(), d.y() + d.height());
    }

    private static Bounds bounds(FaceBox b) {
        return new Bounds(b.left(), b.top(), b.left() + b.width(), b.top() + b.height());
    }

    /** Whether face {@code track}'s landmarks grew or shrank too far from their width at its detection. */
    private boolean drifted(Landmarks now, int track) {
        double at = detectedWidths.get(track);
        return now.width() > at * MAX_DRIFT || now.width() < at / MAX_DRIFT;
    }

    /** Whether face {@code track}'s patch of picture changed beyond what a moving face does. */
    private boolean changed(Mat frame, Landmarks landmarks, int track) {
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
    static Mat patch(Mat frame, Landmarks landmarks) {
        Bounds b = landmarks.bounds();
        int x0 = (int) Math.max(0, b.minX());
        int y0 = (int) Math.max(0, b.minY());
        int x1 = (int) Math.min(frame.cols(), b.maxX());
        int y1 = (int) Math.min(frame.rows(), b.maxY());
        if (x1 - x0 < 4 || y1 - y0 < 4) {
            return null;
        }
        Mat out = new Mat();
        try (Mat roi = new Mat(frame, new Rect(x0, y0, x1 - x0, y1 - y0)); Mat small = new Mat()) {
            opencv_imgproc.resize(roi, small, new Size(PATCH, PATCH), 0, 0, opencv_imgproc.INTER_AREA);
            opencv_imgproc.cvtColor(small, out, opencv_imgproc.COLOR_BGR2GRAY);
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

    /** Whether {@code after} can be the same face as {@code before}, {@code frames} source frames later. */
    boolean sameFace(Landmarks before, Landmarks after) {
        double w0 = before.width();
        double w1 = after.width();
        return before.distanceTo(after) < MAX_JUMP * w0 * settings.frameStep() && w1 < w0 * MAX_SCALE
                && w1 > w0 / MAX_SCALE;
    }
}
