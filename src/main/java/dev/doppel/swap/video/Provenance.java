package dev.doppel.swap.video;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Every swapped video says what it is. The container carries tags naming it AI-generated, by Doppel, from
 * which model — always, whatever the options — and by default the picture carries a small "AI-generated" label
 * in its bottom-right corner.
 */
public final class Provenance {

    public static final String TEXT = "AI-generated";
    public static final String AI_GENERATED_TAG = "ai_generated";
    public static final String GENERATOR_TAG = "generator";
    public static final String MODEL_TAG = "doppel_model";
    public static final String COMMENT_TAG = "comment";

    private Provenance() {
    }

    public static Map<String, String> metadata(UUID modelId, UUID resultId) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(AI_GENERATED_TAG, "true");
        tags.put(GENERATOR_TAG, "Doppel face swap");
        tags.put(MODEL_TAG, modelId.toString());
        tags.put("doppel_result", resultId.toString());
        tags.put(COMMENT_TAG, "AI-generated video: faces swapped by Doppel with model " + modelId);
        return tags;
    }

    /** Where the label goes in a frame of this size (a test can look there). */
    public static Rect labelArea(int width, int height) {
        double scale = scale(height);
        int[] baseline = new int[1];
        var size = opencv_imgproc.getTextSize(TEXT, opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale, thickness(height),
                baseline);
        int pad = Math.max(3, height / 90);
        int w = size.width() + 2 * pad;
        int h = size.height() + baseline[0] + 2 * pad;
        int margin = Math.max(4, height / 60);
        return new Rect(Math.max(0, width - w - margin), Math.max(0, height - h - margin), Math.min(w, width),
                Math.min(h, height));
    }

    /** Draws the label: white text on a dark, half-transparent box, legible on any picture. */
    public static void drawLabel(Mat frame) {
        Rect area = labelArea(frame.cols(), frame.rows());
        try (Mat box = new Mat(frame, area)) {
            box.convertTo(box, -1, 0.45, 0);
        }
        int pad = Math.max(3, frame.rows() / 90);
        int[] baseline = new int[1];
        double scale = scale(frame.rows());
        opencv_imgproc.getTextSize(TEXT, opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale, thickness(frame.rows()),
                baseline);
        Point origin = new Point(area.x() + pad, area.y() + area.height() - pad - baseline[0]);
        opencv_imgproc.putText(frame, TEXT, origin, opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale,
                new Scalar(255, 255, 255, 0), thickness(frame.rows()), opencv_imgproc.LINE_AA, false);
    }

    private static double scale(int height) {
        return Math.max(0.35, height / 720.0);
    }

    private static int thickness(int height) {
        return height >= 720 ? 2 : 1;
    }
}
