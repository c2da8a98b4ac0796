package dev.doppel.faces.align;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.geometry.Affine;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.landmarks.Similarity;

/**
 * Warps a face onto the template with the similarity transform (Umeyama) that best maps its inner landmarks
 * onto the template's, the eyes weighted most: where the eyes land decides how steady a face looks, while
 * nose and mouth proportions differ from person to person. A face without landmarks is aligned on its two eye
 * centres.
 */
public final class FaceAligner {

    /** Each eye landmark counts this many times in the fit (12 eye points against 39 others). */
    static final double EYE_WEIGHT = 30;

    private final FaceTemplate template;

    public FaceAligner(FaceTemplate template) {
        this.template = template;
    }

    public FaceTemplate template() {
        return template;
    }

    public AlignedFace alignOnLandmarks(Mat frame, Landmarks landmarks) {
        return warp(frame, transformFor(landmarks), landmarks);
    }

    /** The frame → crop map that {@link #alignOnLandmarks} warps with, without warping. */
    public Affine transformFor(Landmarks landmarks) {
        int from = FaceTemplate.FIRST_INNER;
        int n = landmarks.count() - from;
        float[] src = new float[2 * n];
        float[] dst = new float[2 * n];
        double[] t = template.points();
        for (int i = 0; i < n; i++) {
            src[2 * i] = (float) landmarks.x(i + from);
            src[2 * i + 1] = (float) landmarks.y(i + from);
            dst[2 * i] = (float) t[2 * (i + from)];
            dst[2 * i + 1] = (float) t[2 * (i + from) + 1];
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            int landmark = i + from;
            weights[i] = landmark >= 36 && landmark <= 47 ? EYE_WEIGHT : 1;
        }
        double[] m = Similarity.fitWithTranslation(src, dst, weights);
        return new Affine(m[0], m[1], m[4], m[2], m[3], m[5]);
    }

    public AlignedFace alignOnEyes(Mat frame, double[] leftEye, double[] rightEye) {
        double[] tl = template.leftEye();
        double[] tr = template.rightEye();
        float[] src = { (float) leftEye[0], (float) leftEye[1], (float) rightEye[0], (float) rightEye[1] };
        float[] dst = { (float) tl[0], (float) tl[1], (float) tr[0], (float) tr[1] };
        double[] m = Similarity.fitWithTranslation(src, dst);
        return warp(frame, new Affine(m[0], m[1], m[4], m[2], m[3], m[5]), null);
    }

    private AlignedFace warp(Mat frame, Affine transform, Landmarks landmarks) {
        int size = template.size();
        Mat crop = new Mat();
        try (Mat m = transform.toMat()) {
            opencv_imgproc.warpAffine(frame, crop, m, new Size(size, size), opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_REPLICATE, new Scalar());
        }
        Landmarks aligned = landmarks == null ? null : transform.apply(landmarks);
        return new AlignedFace(crop, transform, aligned);
    }
}
