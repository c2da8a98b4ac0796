package dev.doppel.faces.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.FaceLocators;
import dev.doppel.faces.LocatedFace;
import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.align.LandmarkSmoother;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.detect.CascadeFaceDetector;
import dev.doppel.faces.landmarks.ShapePredictor;

/**
 * Aligned 256 px crops made the way extraction makes them with its default settings — Haar cascade, dlib's
 * landmarks smoothed over time, alignment to the mean face, one face per frame of at least 40 px — from the
 * real clips and stills, for the face check's and the quality report's tests and the face check's benchmark.
 */
public final class AlignedCrops implements AutoCloseable {

    static final Path DLIB_MODEL = Path.of(System.getProperty("doppel.test.dlib-model",
            "/usr/share/dlib/shape_predictor_68_face_landmarks.dat"));
    static final int SIZE = 256;
    static final int MIN_FACE = 40;

    /** One crop and the frame it came from. */
    public record Crop(int frameIndex, Mat image) {
    }

    private final ShapePredictor predictor;
    private final FaceLocator locator;
    private final FaceAligner aligner;

    public AlignedCrops() throws Exception {
        predictor = ShapePredictor.read(DLIB_MODEL);
        locator = new FaceLocator(CascadeFaceDetector.haar(), predictor, FaceLocators.eyeCascade());
        aligner = new FaceAligner(FaceTemplate.fromMeanShape(predictor.meanShape(), SIZE));
    }

    /** Every {@code everyNth} frame of {@code clip}, its largest face aligned (the caller closes the crops). */
    public List<Crop> fromClip(Path clip, int everyNth) throws Exception {
        List<Crop> out = new ArrayList<>();
        LandmarkSmoother smoother = new LandmarkSmoother();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            int index = -1;
            while ((frame = grabber.grabImage()) != null) {
                index++;
                if (index % everyNth != 0) {
                    continue;
                }
                Mat image = converter.convert(frame);
                List<LocatedFace> found = locator.locate(image, MIN_FACE, 1);
                if (found.isEmpty()) {
                    smoother.reset();
                    continue;
                }
                Landmarks landmarks = smoother.smooth(found.get(0).landmarks(), index, grabber.getFrameRate(),
                        everyNth);
                out.add(new Crop(index, align(image, landmarks)));
            }
        }
        return out;
    }

    /** Every face of a still picture, aligned. */
    List<Mat> fromStill(Path picture, int maxFaces) {
        Mat image = opencv_imgcodecs.imread(picture.toString());
        List<Mat> out = new ArrayList<>();
        for (LocatedFace face : locator.locate(image, MIN_FACE, maxFaces)) {
            out.add(align(image, face.landmarks()));
        }
        image.close();
        return out;
    }

    private Mat align(Mat image, Landmarks landmarks) {
        // The crop outlives the aligned face: it is handed on, the rest is dropped.
        AlignedFace aligned = aligner.alignOnLandmarks(image, landmarks);
        return aligned.crop();
    }

    @Override
    public void close() {
        locator.close();
    }
}
