package dev.doppel.faces;

import java.nio.file.Path;
import java.util.Locale;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.align.Sharpness;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.detect.YuNetFaceDetector;
import dev.doppel.faces.detect.YuNetModelFile;
import dev.doppel.faces.landmarks.ShapePredictor;
import dev.doppel.faces.pipeline.FaceFilter;
import dev.doppel.faces.pipeline.FacePipeline;
import dev.doppel.faces.pipeline.FaceTracker;
import dev.doppel.faces.pipeline.PipelineFace;
import dev.doppel.faces.verify.YuNetFaceVerifier;
import dev.doppel.media.ImageFiles;
import dev.doppel.runtime.OfflineDefaults;
import dev.doppel.swap.SwapBenchmark;

/**
 * bench/extract's doppel side: the whole extraction of one clip as the EXTRACT job runs it with its defaults —
 * decode every frame, the face pipeline (detector every 5th frame, dlib's landmarks following in between, each
 * detection confirmed, smoothed, aligned to 256 px), then extraction's sink without the database and blob store:
 * the mask, sharpness, the face check's score, the crop encoded as JPEG and the mask as PNG. One warm-up pass
 * (the app's JVM is warm), then the best of three timed passes; prints one JSON line. Models are loaded before the clock starts.
 */
public final class ExtractBenchmark {

    public static void main(String[] args) throws Exception {
        OfflineDefaults.apply();
        Path clip = Path.of(args[0]);
        String detector = System.getProperty("bench.detector", "yunet");
        ShapePredictor predictor = ShapePredictor.read(
                Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat"));
        Path yunet = YuNetModelFile.resolve(Path.of(YuNetModelFile.DEFAULT)).orElseThrow();
        try (YuNetFaceVerifier verifier = new YuNetFaceVerifier(yunet)) {
            run(clip, predictor, verifier);
            // The best of three timed passes: this shared 2-core machine varies by a third from run to run.
            long[] counts = null;
            double seconds = Double.MAX_VALUE;
            for (int pass = 0; pass < 3; pass++) {
                long started = System.nanoTime();
                long[] c = run(clip, predictor, verifier);
                double s = (System.nanoTime() - started) / 1e9;
                if (s < seconds) {
                    seconds = s;
                    counts = c;
                }
            }
            double n = counts[0] * 1e6;
            System.out.printf(Locale.ROOT, "{\"impl\": \"doppel-%s\", \"clip\": \"%s\", \"frames\": %d, "
                    + "\"framesWithFace\": %d, \"faces\": %d, \"seconds\": %.4f, \"fps\": %.2f, \"msPerFrame\": "
                    + "{\"decode\": %.2f, \"findAndAlign\": %.2f, \"faceCheck\": %.2f, \"maskAndEncode\": %.2f}}%n",
                    detector, clip.getFileName(), counts[0], counts[1], counts[2], seconds, counts[0] / seconds,
                    counts[3] / n, counts[4] / n, counts[5] / n, counts[6] / n);
        }
    }

    /** Frames, frames with a face, faces stored; ns decoding, finding and aligning, checking, encoding. */
    static long[] run(Path clip, ShapePredictor predictor, YuNetFaceVerifier verifier) throws Exception {
        long[] counts = new long[7];
        FaceDetector detector = SwapBenchmark.detector();
        FaceTemplate template = FaceTemplate.fromMeanShape(predictor.meanShape(), 256);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                FacePipeline pipeline = new FacePipeline(new FaceLocator(detector, predictor,
                        FaceLocators.eyeCascade()), template, new FaceTracker.Settings(5, 40, 1,
                                FaceDetector.Search.TILTED, 25, 1), FaceFilter.LARGEST)) {
            grabber.start();
            pipeline.run(grabber, 1, false, (index, frame, faces) -> {
                counts[0]++;
                if (!faces.isEmpty()) {
                    counts[1]++;
                }
                for (PipelineFace face : faces) {
                    long t0 = System.nanoTime();
                    verifier.score(face.aligned().crop());
                    long t1 = System.nanoTime();
                    try (Mat mask = FaceMask.of(face.aligned().landmarks(), 256)) {
                        Sharpness.of(face.aligned().crop());
                        counts[2]++;
                        ImageFiles.encode(".jpg", face.aligned().crop());
                        ImageFiles.encode(".png", mask);
                    }
                    counts[5] += t1 - t0;
                    counts[6] += System.nanoTime() - t1;
                }
            });
            counts[3] = pipeline.decodeNanos();
            counts[4] = pipeline.findNanos();
        }
        return counts;
    }

    private ExtractBenchmark() {
    }
}
