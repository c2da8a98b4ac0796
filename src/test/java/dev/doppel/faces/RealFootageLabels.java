package dev.doppel.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.doppel.faces.geometry.Bounds;

/** The face boxes labelled by hand on frames of the Tears of Steel clip (the CSV beside the tests). */
public final class RealFootageLabels {

    public static final String CLIP = "tos_scientist-glasses_5s.mp4";

    private RealFootageLabels() {
    }

    /** Frame → left, top, right, bottom. */
    public static Map<Integer, double[]> tearsOfSteel() throws IOException {
        Map<Integer, double[]> labels = new HashMap<>();
        try (InputStream in = RealFootageLabels.class.getResourceAsStream("tos_scientist-glasses_5s.boxes.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split(",");
                labels.put(Integer.parseInt(f[0]), new double[] { Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]) });
            }
        }
        assertThat(labels).hasSizeGreaterThanOrEqualTo(10);
        return labels;
    }

    /** Share of {@code b}'s area inside the labelled box. */
    public static double shareInside(Bounds b, double[] box) {
        double w = Math.max(0, Math.min(b.maxX(), box[2]) - Math.max(b.minX(), box[0]));
        double h = Math.max(0, Math.min(b.maxY(), box[3]) - Math.max(b.minY(), box[1]));
        return w * h / (b.width() * b.height());
    }

    public static boolean contains(double[] box, double x, double y) {
        return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
    }

    public static double intersectionOverUnion(Bounds b, double[] box) {
        double w = Math.max(0, Math.min(b.maxX(), box[2]) - Math.max(b.minX(), box[0]));
        double h = Math.max(0, Math.min(b.maxY(), box[3]) - Math.max(b.minY(), box[1]));
        double intersection = w * h;
        double union = b.width() * b.height() + (box[2] - box[0]) * (box[3] - box[1]) - intersection;
        return intersection / union;
    }
}
