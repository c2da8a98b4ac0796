package dev.doppel.faces.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.FaceDetectorYN;

/**
 * OpenCV's YuNet CNN detector, the default (its ONNX file ships in models/ and inside the app); far better
 * than the cascades on turned, half-lit and small faces.
 */
public class YuNetFaceDetector extends FaceDetector {

    /** The score from which a box counts as a face; measured on the Tears of Steel clip (RealFootageFaceTests). */
    public static final float MIN_SCORE = 0.8f;

    private final FaceDetectorYN detector;
    private final float scoreThreshold;

    public YuNetFaceDetector(Path model, float scoreThreshold) {
        this.scoreThreshold = scoreThreshold;
        this.detector = FaceDetectorYN.create(model.toString(), "", new Size(320, 320), scoreThreshold, 0.3f, 5000,
                org.bytedeco.opencv.global.opencv_dnn.DNN_BACKEND_DEFAULT, org.bytedeco.opencv.global.opencv_dnn.DNN_TARGET_CPU);
    }

    @Override
    public String name() {
        return "yunet";
    }

    @Override
    protected List<Detection> find(Mat bgr, double scale, int minSize) {
        try (Mat small = new Mat(); Mat faces = new Mat()) {
            Mat source = bgr;
            if (scale < 1.0) {
                opencv_imgproc.resize(bgr, small, new Size((int) Math.round(bgr.cols() * scale),
                        (int) Math.round(bgr.rows() * scale)), 0, 0, opencv_imgproc.INTER_AREA);
                source = small;
            }
            List<Detection> out = new ArrayList<>();
            synchronized (detector) {
                detector.setInputSize(new Size(source.cols(), source.rows()));
                detector.detect(source, faces);
            }
            if (faces.rows() == 0) {
                return out;
            }
            var rows = faces.createIndexer();
            try (var indexer = (org.bytedeco.javacpp.indexer.FloatIndexer) rows) {
                for (long r = 0; r < faces.rows(); r++) {
                    float score = indexer.get(r, 14);
                    if (score >= scoreThreshold && indexer.get(r, 2) >= minSize) {
                        out.add(new Detection(indexer.get(r, 0), indexer.get(r, 1), indexer.get(r, 2),
                                indexer.get(r, 3), score));
                    }
                }
            }
            return out;
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
