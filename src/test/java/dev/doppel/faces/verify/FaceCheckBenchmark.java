package dev.doppel.faces.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The face check on every clip given, with extraction's default settings (Haar, dlib landmarks, one face per
 * frame): per clip the faces found, how many pass at the minimum score, the lowest score that passed and the
 * highest that failed (the margin on either side of the minimum), and the check's cost per face. One JSON line
 * per clip.
 *   FaceCheckBenchmark EVERY_NTH MIN_SCORE CLIP...
 */
public final class FaceCheckBenchmark {

    private FaceCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int everyNth = Integer.parseInt(args[0]);
        double minScore = Double.parseDouble(args[1]);
        try (AlignedCrops crops = new AlignedCrops();
                YuNetFaceVerifier verifier = new YuNetFaceVerifier(YuNetFaceVerifierTests.MODEL)) {
            for (int i = 2; i < args.length; i++) {
                Path clip = Path.of(args[i]);
                List<AlignedCrops.Crop> faces = crops.fromClip(clip, everyNth);
                int passed = 0;
                double lowestPassed = Double.NaN;
                double highestFailed = Double.NaN;
                long nanos = 0;
                for (AlignedCrops.Crop face : faces) {
                    long started = System.nanoTime();
                    double score = verifier.score(face.image());
                    nanos += System.nanoTime() - started;
                    face.image().close();
                    if (score >= minScore) {
                        passed++;
                        lowestPassed = Double.isNaN(lowestPassed) ? score : Math.min(lowestPassed, score);
                    } else {
                        highestFailed = Double.isNaN(highestFailed) ? score : Math.max(highestFailed, score);
                    }
                }
                System.out.printf(Locale.ROOT,
                        "{\"clip\":\"%s\",\"everyNth\":%d,\"faces\":%d,\"passed\":%d,\"lowestPassed\":%s,"
                                + "\"highestFailed\":%s,\"msPerFace\":%.1f}%n",
                        clip.getFileName(), everyNth, faces.size(), passed, json(lowestPassed), json(highestFailed),
                        faces.isEmpty() ? 0 : nanos / 1e6 / faces.size());
            }
        }
    }

    private static String json(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }
}
