package dev.doppel.faces.landmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * dlib's face landmark model — a cascade of regression-tree forests (Kazemi &amp; Sullivan 2014) — read from
 * its own file format and evaluated the way dlib evaluates it, so the points match dlib's to the pixel.
 *
 * <p>At each stage, the pixels the trees compare are placed relative to the current shape estimate (each
 * feature pixel is anchored to a landmark, its offset rotated and scaled by the similarity transform from the
 * mean shape to the current one), then every tree's leaf adds its correction to the shape.
 */
public final class ShapePredictor {

    private static final int MAX_CASCADES = 100;
    private static final int MAX_TREES = 10_000;
    private static final int MAX_NODES = 1 << 16;
    private static final int MAX_FEATURES = 1 << 16;
    private static final int MAX_SHAPE = 1 << 12;

    private final float[] initialShape;
    private final Tree[][] forests;
    private final int[][] anchors;
    private final float[][] deltas;

    private record Tree(int[] idx1, int[] idx2, float[] thresh, float[][] leaves) {
    }

    private ShapePredictor(float[] initialShape, Tree[][] forests, int[][] anchors, float[][] deltas) {
        this.initialShape = initialShape;
        this.forests = forests;
        this.anchors = anchors;
        this.deltas = deltas;
    }

    public static ShapePredictor read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in);
        }
    }

    public static ShapePredictor read(InputStream stream) throws IOException {
        DlibInput in = new DlibInput(stream);
        int version = in.readInt();
        if (version != 1) {
            throw new DlibFormatException("unsupported version " + version, 0);
        }
        float[] initial = in.readFloatColumn(MAX_SHAPE);
        if (initial.length == 0 || initial.length % 2 != 0) {
            throw new DlibFormatException("odd initial shape length " + initial.length, 0);
        }
        int cascades = in.readCount(MAX_CASCADES);
        Tree[][] forests = new Tree[cascades][];
        for (int c = 0; c < cascades; c++) {
            int trees = in.readCount(MAX_TREES);
            forests[c] = new Tree[trees];
            for (int t = 0; t < trees; t++) {
                forests[c][t] = readTree(in, initial.length);
            }
        }
        int anchorLists = in.readCount(MAX_CASCADES);
        int[][] anchors = new int[anchorLists][];
        for (int c = 0; c < anchorLists; c++) {
            int n = in.readCount(MAX_FEATURES);
            anchors[c] = new int[n];
            for (int i = 0; i < n; i++) {
                anchors[c][i] = in.readCount(initial.length / 2 - 1);
            }
        }
        int deltaLists = in.readCount(MAX_CASCADES);
        float[][] deltas = new float[deltaLists][];
        for (int c = 0; c < deltaLists; c++) {
            int n = in.readCount(MAX_FEATURES);
            deltas[c] = new float[2 * n];
            for (int i = 0; i < n; i++) {
                deltas[c][2 * i] = in.readFloat();
                deltas[c][2 * i + 1] = in.readFloat();
            }
        }
        if (anchorLists != cascades || deltaLists != cascades) {
            throw new DlibFormatException("cascade counts disagree", 0);
        }
        for (int c = 0; c < cascades; c++) {
            if (anchors[c].length != deltas[c].length / 2) {
                throw new DlibFormatException("feature counts disagree in cascade " + c, 0);
            }
            for (Tree tree : forests[c]) {
                for (int i = 0; i < tree.idx1.length; i++) {
                    if (tree.idx1[i] >= anchors[c].length || tree.idx2[i] >= anchors[c].length) {
                        throw new DlibFormatException("split refers to a missing feature pixel", 0);
                    }
                }
            }
        }
        return new ShapePredictor(initial, forests, anchors, deltas);
    }

    private static Tree readTree(DlibInput in, int shapeLength) throws IOException {
        int splits = in.readCount(MAX_NODES);
        int[] idx1 = new int[splits];
        int[] idx2 = new int[splits];
        float[] thresh = new float[splits];
        for (int i = 0; i < splits; i++) {
            idx1[i] = in.readCount(MAX_FEATURES);
            idx2[i] = in.readCount(MAX_FEATURES);
            thresh[i] = in.readFloat();
        }
        int leafCount = in.readCount(MAX_NODES + 1);
        if (leafCount != splits + 1) {
            throw new DlibFormatException("a tree with " + splits + " splits has " + leafCount + " leaves", 0);
        }
        float[][] leaves = new float[leafCount][];
        for (int i = 0; i < leafCount; i++) {
            leaves[i] = in.readFloatColumn(shapeLength);
            if (leaves[i].length != shapeLength) {
                throw new DlibFormatException("leaf of the wrong length", 0);
            }
        }
        return new Tree(idx1, idx2, thresh, leaves);
    }

    public int landmarkCount() {
        return initialShape.length / 2;
    }

    /** The mean shape in the unit box, x0, y0, x1, y1, … : the template faces are aligned to. */
    public float[] meanShape() {
        return initialShape.clone();
    }

    /**
     * The landmarks inside {@code box}, as x0, y0, x1, y1, … in image pixels (not rounded; dlib rounds them to
     * whole pixels when it returns them).
     */
    public double[] predict(GrayImage image, FaceBox box) {
        float[] shape = initialShape.clone();
        float[] features = new float[0];
        double left = box.left();
        double top = box.top();
        double sx = box.right() - box.left();
        double sy = box.bottom() - box.top();
        for (int c = 0; c < forests.length; c++) {
            features = sampleFeatures(image, shape, c, left, top, sx, sy, features);
            for (Tree tree : forests[c]) {
                float[] leaf = leafOf(tree, features);
                for (int i = 0; i < shape.length; i++) {
                    shape[i] += leaf[i];
                }
            }
        }
        double[] points = new double[shape.length];
        for (int i = 0; i < shape.length; i += 2) {
            points[i] = left + sx * shape[i];
            points[i + 1] = top + sy * shape[i + 1];
        }
        return points;
    }

    private float[] sampleFeatures(GrayImage image, float[] shape, int cascade, double left, double top, double sx,
            double sy, float[] reuse) {
        int[] anchor = anchors[cascade];
        float[] delta = deltas[cascade];
        float[] values = reuse.length == anchor.length ? reuse : new float[anchor.length];
        // The rotation and scale that take the mean shape to the current one (translation is irrelevant:
        // each offset is added to its anchor landmark).
        double[] m = Similarity.fit(initialShape, shape);
        float m00 = (float) m[0];
        float m01 = (float) m[1];
        float m10 = (float) m[2];
        float m11 = (float) m[3];
        for (int i = 0; i < anchor.length; i++) {
            float dx = delta[2 * i];
            float dy = delta[2 * i + 1];
            float u = m00 * dx + m01 * dy + shape[2 * anchor[i]];
            float v = m10 * dx + m11 * dy + shape[2 * anchor[i] + 1];
            long x = (long) Math.floor(left + sx * u + 0.5);
            long y = (long) Math.floor(top + sy * v + 0.5);
            values[i] = x >= 0 && y >= 0 && x < image.width() && y < image.height() ? image.at((int) x, (int) y) : 0;
        }
        return values;
    }

    private static float[] leafOf(Tree tree, float[] features) {
        int i = 0;
        int splits = tree.idx1.length;
        while (i < splits) {
            i = features[tree.idx1[i]] - features[tree.idx2[i]] > tree.thresh[i] ? 2 * i + 1 : 2 * i + 2;
        }
        return tree.leaves[i - splits];
    }
}
