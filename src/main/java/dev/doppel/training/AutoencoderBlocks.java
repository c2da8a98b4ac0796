package dev.doppel.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/**
 * The blocks of the classic deepfakes autoencoder (faceswap's "original" model), sized by a preset: the
 * encoder's 5×5 stride-2 convolutions, its two dense layers and first upscale; the decoders' upscales and their
 * final 5×5 convolution to RGB.
 */
public final class AutoencoderBlocks {

    static final float LEAK = 0.1f;
    /**
     * libtorch's CPU convolution backward with 3 output channels on more than one thread gives NaN gradients;
     * 16 channels sliced to 3 compute the same function without it.
     */
    static final int LAST_CONV_CHANNELS = 16;

    private AutoencoderBlocks() {
    }

    public static SequentialBlock encoder(Preset preset) {
        SequentialBlock encoder = new SequentialBlock();
        for (int filters : preset.encoderFilters()) {
            encoder.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(2, 2)).setFilters(filters).build());
            encoder.add(Activation.leakyReluBlock(LEAK));
        }
        int start = preset.bottleneckSize();
        int channels = preset.encoderFilters().get(preset.encoderFilters().size() - 1);
        encoder.add(Blocks.batchFlattenBlock());
        encoder.add(Linear.builder().setUnits(preset.denseSize()).build());
        encoder.add(Linear.builder().setUnits((long) start * start * channels).build());
        encoder.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, channels, start, start)),
                "reshape"));
        encoder.add(upscale(channels / 2, preset.icnr()));
        return encoder;
    }

    public static SequentialBlock decoder(Preset preset) {
        SequentialBlock decoder = new SequentialBlock();
        int channels = preset.encoderFilters().get(preset.encoderFilters().size() - 1) / 2;
        for (int i = 0; i < preset.decoderUpscales(); i++) {
            channels /= 2;
            decoder.add(upscale(channels, preset.icnr()));
        }
        decoder.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2))
                .setFilters(LAST_CONV_CHANNELS).build());
        decoder.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().get(":, 0:3, :, :")), "rgb"));
        decoder.add(Activation.sigmoidBlock());
        return decoder;
    }

    /**
     * Conv 3×3 to 4·C channels, LeakyReLU, pixel shuffle ×2: C channels at twice the size; with {@code icnr} the
     * convolution starts as a nearest-neighbour upscale ({@link IcnrInitializer}).
     */
    static Block upscale(int channels, boolean icnr) {
        return new Upscale(channels, icnr);
    }

    /** An upscale block, a type of its own so that tests can find its convolution. */
    static final class Upscale extends SequentialBlock {
        private final Conv2d conv;

        Upscale(int channels, boolean icnr) {
            conv = Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(channels * 4).build();
            if (icnr) {
                conv.setInitializer(new IcnrInitializer(), ai.djl.nn.Parameter.Type.WEIGHT);
            }
            add(conv);
            add(Activation.leakyReluBlock(LEAK));
            add(new LambdaBlock(x -> new NDList(pixelShuffle(x.singletonOrThrow(), 2)), "pixel-shuffle"));
        }

        Conv2d conv() {
            return conv;
        }
    }

    /**
     * (N, C·r², H, W) → (N, C, H·r, W·r), channel c·r² + i·r + j going to row h·r + i, column w·r + j, as
     * PyTorch's pixel_shuffle does. DJL has no such operator; a reshape and a transpose are the same thing.
     */
    public static NDArray pixelShuffle(NDArray x, int r) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1) / (r * r);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, r, r, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, h * r, w * r);
    }
}
