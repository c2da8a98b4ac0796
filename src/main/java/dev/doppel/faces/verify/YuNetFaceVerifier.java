package dev.doppel.faces.verify;

import java.nio.file.Path;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.detect.Detection;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.detect.YuNetFaceDetector;

/**
 * YuNet looks at the aligned crop: a real face comes out of the aligner upright and centred, and YuNet finds it
 * there with a score above 0.9; a background patch the cascade mistook for a face, aligned on landmarks that
 * outline nothing, shows no face YuNet is sure of. The score is that of YuNet's best face near the middle of
 * the crop, 0 when there is none.
 */
public final class YuNetFaceVerifier implements FaceVerifier {

    /**
     * The crop is looked at this large: at 128 px YuNet tells the test clips' faces from the rest as well as at
     * 256 px (real faces 0.91 and up, Tears of Steel's false ones 0.68 at most) in under half the time, about
     * 5 ms a face on 2 cores.
     */
    static final int INPUT = 128;
    /** Faces scored lower than this are not reported by YuNet at all (their score counts as 0). */
    static final float FLOOR = 0.05f;
    /** A face counts when its centre is this close to the crop's centre (share of the crop's side). */
    static final double CENTRE_TOLERANCE = 0.25;

    private final YuNetFaceDetector detector;

    public YuNetFaceVerifier(Path model) {
        this.detector = new YuNetFaceDetector(model, FLOOR);
    }

    @Override
    public String name() {
        return "yunet";
    }

    @Override
    public double score(Mat alignedBgr) {
        try (Mat small = new Mat()) {
            opencv_imgproc.resize(alignedBgr, small, new Size(INPUT, INPUT), 0, 0, opencv_imgproc.INTER_AREA);
            double centre = INPUT / 2.0;
            double tolerance = INPUT * CENTRE_TOLERANCE;
            double best = 0;
            // A face beside the middle (someone else in the background of a wrong crop) does not count.
            for (Detection d : detector.detect(small, INPUT / 8, 1, FaceDetector.Search.UPRIGHT)) {
                if (Math.abs(d.centerX() - centre) <= tolerance && Math.abs(d.centerY() - centre) <= tolerance) {
                    best = Math.max(best, d.score());
                }
            }
            return best;
        }
    }

    @Override
    public void close() {
        detector.close();
    }
}
