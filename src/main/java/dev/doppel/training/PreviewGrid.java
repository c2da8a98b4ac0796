package dev.doppel.training;

import java.util.List;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.doppel.media.ImageFiles;

/**
 * The preview the owner watches sharpen: for four faces of each side, a row of A, A→A, A→B, B, B→B, B→A —
 * the original, its reconstruction by its own decoder, and its swap.
 */
public final class PreviewGrid {

    static final int FACES = 4;
    /** Cells are drawn at least this large, whatever the preset's input size. */
    static final int CELL = 128;

    private PreviewGrid() {
    }

    public static byte[] png(FaceAutoencoder net, NDManager parent, List<Mat[]> sideA, List<Mat[]> sideB, int size) {
        int n = Math.min(FACES, Math.min(sideA.size(), sideB.size()));
        int cell = Math.max(CELL, size);
        try (NDManager m = parent.newSubManager(); Mat grid = new Mat(cell * n, cell * 6, opencv_core.CV_8UC3)) {
            NDArray a = stack(m, sideA, n, size);
            NDArray b = stack(m, sideB, n, size);
            ParameterStore store = new ParameterStore(m, false);
            NDArray[] columns = { a, net.render(store, a, true), net.render(store, a, false), b,
                    net.render(store, b, false), net.render(store, b, true) };
            for (int col = 0; col < columns.length; col++) {
                float[] values = columns[col].toFloatArray();
                for (int row = 0; row < n; row++) {
                    try (Mat face = FaceTensors.bgr(values, row, size); Mat view = new Mat(grid, new Rect(col * cell, row * cell,
                            cell, cell))) {
                        opencv_imgproc.resize(face, view, new Size(cell, cell), 0, 0, opencv_imgproc.INTER_CUBIC);
                    }
                }
            }
            return ImageFiles.encode(".png", grid);
        }
    }

    /** The first {@code n} faces (spread over the set) as one (n, 3, S, S) array. */
    private static NDArray stack(NDManager m, List<Mat[]> faces, int n, int size) {
        float[] data = new float[n * 3 * size * size];
        for (int i = 0; i < n; i++) {
            Mat face = faces.get(i * faces.size() / n)[0];
            float[] chw = FaceTensors.chw(face);
            System.arraycopy(chw, 0, data, i * chw.length, chw.length);
        }
        return m.create(data, new Shape(n, 3, size, size));
    }
}
