package dev.doppel.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One shared encoder and two decoders. Training input is (faces A, faces B), output their reconstructions by
 * their own decoders; the swap sends a face of A through decoder B. Because both sides share the encoder, it
 * learns what faces have in common — pose, expression, light — and each decoder learns one identity.
 */
public class FaceAutoencoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final SequentialBlock encoder;
    private final SequentialBlock decoderA;
    private final SequentialBlock decoderB;
    private final Preset preset;

    public FaceAutoencoder(Preset preset) {
        super(VERSION);
        this.preset = preset;
        this.encoder = addChildBlock("encoder", AutoencoderBlocks.encoder(preset));
        this.decoderA = addChildBlock("decoderA", AutoencoderBlocks.decoder(preset));
        this.decoderB = addChildBlock("decoderB", AutoencoderBlocks.decoder(preset));
    }

    public Preset preset() {
        return preset;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray a = inputs.get(0);
        NDArray b = inputs.get(1);
        NDArray recA = decoderA.forward(store, encoder.forward(store, new NDList(a), training), training)
                .singletonOrThrow();
        NDArray recB = decoderB.forward(store, encoder.forward(store, new NDList(b), training), training)
                .singletonOrThrow();
        return new NDList(recA, recB);
    }

    /** Faces of one side rendered by the given side's decoder (the swap when the sides differ). */
    public NDArray render(ParameterStore store, NDArray faces, boolean toA) {
        NDList code = encoder.forward(store, new NDList(faces), false);
        return (toA ? decoderA : decoderB).forward(store, code, false).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        encoder.initialize(manager, dataType, inputShapes[0]);
        Shape code = encoder.getOutputShapes(new Shape[] { inputShapes[0] })[0];
        decoderA.initialize(manager, dataType, code);
        decoderB.initialize(manager, dataType, code);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] { inputShapes[0], inputShapes[1] };
    }
}
