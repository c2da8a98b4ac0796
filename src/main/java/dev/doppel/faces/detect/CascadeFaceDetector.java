package dev.doppel.faces.detect;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/** OpenCV's cascade classifiers, loaded from the cascades that ship inside the OpenCV jar. */
public class CascadeFaceDetector extends FaceDetector {

    static final String CASCADES = "/org/bytedeco/opencv/linux-x86_64/share/opencv4/";

    private final String name;
    private final CascadeClassifier classifier;
    private final double scaleFactor;
    private final int minNeighbours;

    CascadeFaceDetector(String name, String resource, double scaleFactor, int minNeighbours) {
        this.name = name;
        this.scaleFactor = scaleFactor;
        this.minNeighbours = minNeighbours;
        this.classifier = load(resource);
    }

    public static CascadeFaceDetector haar() {
        return new CascadeFaceDetector("haar", CASCADES + "haarcascades/haarcascade_frontalface_default.xml", 1.1, 5);
    }

    public static CascadeFaceDetector lbp() {
        return new CascadeFaceDetector("lbp", CASCADES + "lbpcascades/lbpcascade_frontalface_improved.xml", 1.1, 4);
    }

    static CascadeClassifier load(String resource) {
        try {
            File file = Loader.cacheResource(resource);
            CascadeClassifier classifier = new CascadeClassifier(file.getAbsolutePath());
            if (classifier.empty()) {
                throw new IllegalStateException("OpenCV could not load the cascade " + resource);
            }
            return classifier;
        } catch (IOException e) {
            throw new UncheckedIOException("The cascade " + resource + " is missing from the OpenCV jar", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected List<Detection> find(Mat bgr, double scale, int minSize) {
        try (Mat gray = new Mat(); Mat small = new Mat(); RectVector faces = new RectVector()) {
            Mat source = bgr;
            if (scale < 1.0) {
                opencv_imgproc.resize(bgr, small, new Size((int) Math.round(bgr.cols() * scale),
                        (int) Math.round(bgr.rows() * scale)), 0, 0, opencv_imgproc.INTER_AREA);
                source = small;
            }
            opencv_imgproc.cvtColor(source, gray, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.equalizeHist(gray, gray);
            synchronized (classifier) {
                classifier.detectMultiScale(gray, faces, scaleFactor, minNeighbours, 0, new Size(minSize, minSize),
                        new Size());
            }
            List<Detection> out = new ArrayList<>();
            for (long i = 0; i < faces.size(); i++) {
                Rect r = faces.get(i);
                out.add(new Detection(r.x(), r.y(), r.width(), r.height(), 1.0));
            }
            return out;
        }
    }

    @Override
    public void close() {
        classifier.close();
    }
}
