package dev.doppel.training;

import java.io.IOException;
import java.io.InputStream;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * A trained network for rendering only: the weights of a checkpoint and nothing else — no optimiser, no Adam
 * state, no gradients. What the swap and the quality report run; training and fine-tuning use
 * {@link AutoencoderTrainer}.
 */
public final class TrainedModel implements AutoCloseable {

    private final NDManager manager;
    private final FaceAutoencoder network;
    private final long iteration;

    private TrainedModel(NDManager manager, FaceAutoencoder network, long iteration) {
        this.manager = manager;
        this.network = network;
        this.iteration = iteration;
    }

    /** Builds the network of {@code preset} on {@code device} and loads the checkpoint's weights into it. */
    public static TrainedModel load(Preset preset, Device device, InputStream checkpoint) throws IOException {
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            FaceAutoencoder network = new FaceAutoencoder(preset);
            Shape input = new Shape(1, 3, preset.inputSize(), preset.inputSize());
            network.initialize(manager, DataType.FLOAT32, input, input);
            // DJL gives every parameter a gradient when it is made; rendering needs none (nor autograd's bookkeeping).
            network.freezeParameters(true);
            long iteration = Checkpoint.readWeights(network, manager, checkpoint);
            return new TrainedModel(manager, network, iteration);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public FaceAutoencoder network() {
        return network;
    }

    public NDManager manager() {
        return manager;
    }

    /** The iteration the checkpoint was taken at. */
    public long iteration() {
        return iteration;
    }

    @Override
    public void close() {
        manager.close();
    }
}
