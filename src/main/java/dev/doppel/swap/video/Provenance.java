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
 * in its top-right corner. Top, not bottom: browsers draw their player controls over the bottom of the picture,
 * and a label there would be hidden whenever someone moves the mouse over the video or pauses it.
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

    /** Where the label goes in a frame of this size, top right with a margin (a test can look there). */
    public static Rect labelArea(int width, int height) {
        int side = shortSide(width, height);
        int[] baseline = new int[1];
        var size = opencv_imgproc.getTextSize(TEXT, opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale(side), thickness(side),
                baseline);
        int pad = pad(side);
        int w = size.width() + 2 * pad;
        int h = size.height() + baseline[0] + 2 * pad;
        int margin = Math.max(4, side / 60);
        return new Rect(Math.max(0, width - w - margin), Math.min(margin, Math.max(0, height - h)),
                Math.min(w, width), Math.min(h, height));
    }

    /** Draws the label: white text on a dark, half-transparent box, legible on any picture. */
    public static void drawLabel(Mat frame) {
        Rect area = labelArea(frame.cols(), frame.rows());
        try (Mat box = new Mat(frame, area)) {
            box.convertTo(box, -1, 0.45, 0);
        }
        int side = shortSide(frame.cols(), frame.rows());
        int[] baseline = new int[1];
        opencv_imgproc.getTextSize(TEXT, opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale(side), thickness(side), baseline);
        Point origin = new Point(area.x() + pad(side), area.y() + area.height() - pad(side) - baseline[0]);
        opencv_imgproc.putText(frame, TEXT, origin, opencv_imgproc.FONT_HERSHEY_SIMPLEX, scale(side),
                new Scalar(255, 255, 255, 0), thickness(side), opencv_imgproc.LINE_AA, false);
    }

    /**
     * The label is sized by the frame's shorter side: the height of a landscape frame, the width of a portrait
     * one (sized by its height, a phone's portrait video would be crossed by a label wider than half of it).
     */
    private static int shortSide(int width, int height) {
        return Math.min(width, height);
    }

    private static double scale(int side) {
        return Math.max(0.35, side / 720.0);
    }

    private static int thickness(int side) {
        return side >= 720 ? 2 : 1;
    }

    private static int pad(int side) {
        return Math.max(3, side / 90);
    }
}
