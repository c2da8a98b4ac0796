package dev.doppel.swap;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.doppel.swap.convert.FaceRenderer;
import dev.doppel.training.FaceAutoencoder;
import dev.doppel.training.FaceTensors;

/** The trained network as a renderer: the shared encoder, then the target person's decoder. */
public final class ModelRenderer implements FaceRenderer {

    private final FaceAutoencoder network;
    private final NDManager manager;
    private final boolean toA;

    /** The network (a TrainedModel's, or a fine-tuning trainer's) and the manager its weights live in. */
    public ModelRenderer(FaceAutoencoder network, NDManager manager, boolean toA) {
        this.network = network;
        this.manager = manager;
        this.toA = toA;
    }

    @Override
    public int size() {
        return network.preset().inputSize();
    }

    @Override
    public List<Mat> render(List<Mat> faces) {
        return render(faces, toA);
    }

    /** {@code faces} through the given side's decoder (also used to judge reconstruction). */
    public List<Mat> render(List<Mat> faces, boolean side) {
        int s = size();
        List<Mat> out = new ArrayList<>();
        if (faces.isEmpty()) {
            return out;
        }
        float[] data = new float[faces.size() * 3 * s * s];
        for (int i = 0; i < faces.size(); i++) {
            float[] chw = FaceTensors.chw(faces.get(i));
            System.arraycopy(chw, 0, data, i * chw.length, chw.length);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray input = m.create(data, new Shape(faces.size(), 3, s, s));
            float[] values = network.render(new ParameterStore(m, false), input, side).toFloatArray();
            for (int i = 0; i < faces.size(); i++) {
                out.add(FaceTensors.bgr(values, i, s));
            }
        }
        return out;
    }
}
