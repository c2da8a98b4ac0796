package dev.doppel.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;

/**
 * ICNR initialisation (Aitken et al. 2017, "Checkerboard artifact free sub-pixel convolution"; faceswap's
 * {@code icnr_init}) of an upscale's convolution: the four sub-pixel channels of each output channel start equal,
 * so that before any training the pixel shuffle is a nearest-neighbour upscale. With independent random kernels
 * the four sub-pixels start unrelated, and the early output is covered in a checkerboard of noise that takes
 * hundreds of iterations to fade: most of what a CPU gets in its first minutes. The values are DJL's own default
 * for weights (He normal, by fan-in), drawn for a quarter of the channels and repeated.
 */
final class IcnrInitializer implements Initializer {

    private static final int SUBPIXELS = 4;

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        Shape base = new Shape(shape.get(0) / SUBPIXELS, shape.get(1), shape.get(2), shape.get(3));
        try (NDArray drawn = Parameter.Type.WEIGHT.getInitializer().initialize(manager, base, dataType)) {
            // (C, 1, Cin, k, k) → (C, 4, Cin, k, k): channel c·4 + s is channel c for each sub-pixel s, the order
            // AutoencoderBlocks.pixelShuffle reads them in.
            return drawn.expandDims(1).repeat(1, SUBPIXELS).reshape(shape);
        }
    }
}
