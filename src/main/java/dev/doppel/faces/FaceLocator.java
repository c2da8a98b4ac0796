package dev.doppel.faces;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.detect.Detection;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.geometry.Bounds;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.landmarks.FaceBox;
import dev.doppel.faces.landmarks.GrayImage;
import dev.doppel.faces.landmarks.ShapePredictor;

/**
 * Detection, then landmarks. dlib's predictor was trained on its own detector's boxes, which sit lower and
 * tighter than a Haar box, so the first guess of that box is corrected from the first landmarks and the
 * landmarks are found again — two passes make the result nearly independent of which detector found the face.
 */
public final class FaceLocator implements AutoCloseable {

    /** A Haar box scaled and moved to where dlib's detector would have put it (measured on the test stills). */
    static final double INITIAL_SIDE = 0.85;
    static final double INITIAL_DROP = 0.10;
    /** dlib's box from its own landmarks: side 0.96 of the landmark width, centred 3.5 % of it above. */
    static final double REFINED_SIDE = 0.96;
    static final double REFINED_RAISE = 0.035;

    private final FaceDetector detector;
    private final ShapePredictor predictor;
    private final CascadeClassifier eyes;
    /** Side of the crop a face is confirmed on: the face spans about 60 % of it, ~75 px. */
    static final int VERIFY_SIZE = 120;
    private FaceAligner verifier;

    /** {@code predictor} may be null (landmarks unavailable): faces are then located by their eyes. */
    public FaceLocator(FaceDetector detector, ShapePredictor predictor, CascadeClassifier eyes) {
        this.detector = detector;
        this.predictor = predictor;
        this.eyes = eyes;
    }

    public String detectorName() {
        return detector.name();
    }

    public boolean usesLandmarks() {
        return predictor != null;
    }

    public List<LocatedFace> locate(Mat bgr, int minSize, int maxFaces) {
        return locate(bgr, minSize, maxFaces, FaceDetector.Search.TILTED);
    }

    /** With the detector as thorough as {@code search} says. */
    public List<LocatedFace> locate(Mat bgr, int minSize, int maxFaces, FaceDetector.Search search) {
        return locate(bgr, minSize, maxFaces, maxFaces, search);
    }

    /**
     * At most {@code maxFaces}, largest first; tilted copies (when {@code search} allows) are searched only when
     * fewer than {@code wanted} turn up upright.
     */
    public List<LocatedFace> locate(Mat bgr, int minSize, int maxFaces, int wanted, FaceDetector.Search search) {
        List<Detection> boxes = detector.detect(bgr, minSize, wanted, search);
        if (boxes.size() > maxFaces) {
            boxes = boxes.subList(0, maxFaces);
        }
        List<LocatedFace> out = new ArrayList<>();
        if (boxes.isEmpty()) {
            return out;
        }
        if (predictor != null) {
            GrayImage gray = gray(bgr);
            for (Detection d : boxes) {
                double side = d.width() * INITIAL_SIDE;
                FaceBox first = box(d.centerX(), d.centerY() + d.width() * INITIAL_DROP, side);
                Landmarks points = Landmarks.of(predictor.predict(gray, first));
                points = Landmarks.of(predictor.predict(gray, refined(points)));
                out.add(new LocatedFace(d, points, null, null));
            }
            return out;
        }
        for (Detection d : boxes) {
            double[][] found = findEyes(bgr, d);
            if (found != null) {
                out.add(new LocatedFace(d, null, found[0], found[1]));
            }
        }
        return out;
    }

    /**
     * Landmarks of a face already known from the previous frame, found from where that frame's landmarks put
     * it — the tracking step between detections — in the box its detection had ({@code detectedWidth}: the width
     * of its landmarks then). Null without a landmark model. The side stays fixed on purpose: the landmarks of a small or turned face come out a little
     * narrower than the box they were sought in, so a box re-sized from them each frame shrinks the face frame
     * after frame (measured: 43 → 26 px in four frames on the openmpf clip).
     */
    public Landmarks follow(GrayImage gray, Landmarks previousLandmarks, double detectedWidth) {
        if (predictor == null) {
            return null;
        }
        FaceBox around = refined(previousLandmarks);
        double cx = (around.left() + around.right()) / 2.0;
        double cy = (around.top() + around.bottom()) / 2.0;
        return Landmarks.of(predictor.predict(gray, box(cx, cy, REFINED_SIDE * detectedWidth)));
    }

    /**
     * Whether the landmarks really outline a face: the face is turned upright and scaled to a standard crop
     * by them, and the detector must find it there. A false detection in the background (a pattern the
     * cascade mistook for a face) yields landmarks that outline nothing, and its crop shows no face; a real
     * face, even tilted or partly turned, comes out as an upright frontal crop the cascade knows.
     */
    public boolean confirms(Mat bgr, Landmarks landmarks) {
        if (verifier == null) {
            verifier = new FaceAligner(FaceTemplate.fromMeanShape(
                    predictor != null ? predictor.meanShape() : MeanFace.dlib68(), VERIFY_SIZE));
        }
        try (AlignedFace aligned = verifier.alignOnLandmarks(bgr, landmarks)) {
            return !detector.detect(aligned.crop(), VERIFY_SIZE / 3, 1, FaceDetector.Search.UPRIGHT).isEmpty();
        }
    }

    /** The frame as the landmark model reads it, made once per frame however many faces it holds. */
    public static GrayImage grayOf(Mat bgr) {
        return gray(bgr);
    }

    /** Where dlib's own detector would have boxed the face these landmarks outline. */
    public static FaceBox refined(Landmarks points) {
        Bounds b = points.bounds();
        return box(b.centreX(), b.centreY() - REFINED_RAISE * b.width(), REFINED_SIDE * b.width());
    }

    private static FaceBox box(double cx, double cy, double side) {
        long left = Math.round(cx - side / 2);
        long top = Math.round(cy - side / 2);
        long s = Math.max(2, Math.round(side));
        return FaceBox.ofSize(left, top, s, s);
    }

    /** Two eyes in the upper half of the face box, as picture-left and picture-right centres. */
    private double[][] findEyes(Mat bgr, Detection d) {
        int x = (int) Math.max(0, d.x());
        int y = (int) Math.max(0, d.y());
        int w = (int) Math.min(bgr.cols() - x, d.width());
        int h = (int) Math.min(bgr.rows() - y, d.height() * 0.6);
        if (w < 20 || h < 10) {
            return null;
        }
        try (Mat roi = new Mat(bgr, new Rect(x, y, w, h)); Mat gray = new Mat(); RectVector found = new RectVector()) {
            opencv_imgproc.cvtColor(roi, gray, opencv_imgproc.COLOR_BGR2GRAY);
            synchronized (eyes) {
                eyes.detectMultiScale(gray, found, 1.1, 3, 0, new Size(w / 10, w / 10), new Size(w / 3, w / 3));
            }
            if (found.size() < 2) {
                return null;
            }
            List<Rect> rects = new ArrayList<>();
            for (long i = 0; i < found.size(); i++) {
                rects.add(found.get(i));
            }
            rects.sort((a, b) -> Integer.compare(b.width(), a.width()));
            Rect a = rects.get(0);
            Rect b = rects.get(1);
            double[] ea = { x + a.x() + a.width() / 2.0, y + a.y() + a.height() / 2.0 };
            double[] eb = { x + b.x() + b.width() / 2.0, y + b.y() + b.height() / 2.0 };
            return ea[0] <= eb[0] ? new double[][] { ea, eb } : new double[][] { eb, ea };
        }
    }

    @Override
    public void close() {
        detector.close();
        eyes.close();
    }

    static GrayImage gray(Mat bgr) {
        byte[] bytes = new byte[(int) (bgr.total() * bgr.channels())];
        if (bgr.isContinuous()) {
            bgr.data().get(bytes);
        } else {
            try (Mat copy = bgr.clone()) {
                copy.data().get(bytes);
            }
        }
        return GrayImage.fromBgr(bgr.cols(), bgr.rows(), bytes);
    }
}
