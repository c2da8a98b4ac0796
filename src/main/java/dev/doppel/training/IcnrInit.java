package dev.doppel.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.util.Pair;

/**
 * ICNR initialisation (Aitken et al. 2017, "Checkerboard artifact free sub-pixel convolution"; faceswap's
 * {@code icnr_init}): each upscale's convolution starts with the four sub-pixel channels of an output channel
 * equal, so that before any training the pixel shuffle is a nearest-neighbour upscale. With independent random
 * kernels the four sub-pixels start unrelated, and the early output is covered in a checkerboard of noise that
 * takes hundreds of iterations to fade — most of what a CPU gets in its first minutes.
 */
final class IcnrInit {

    private static final int SUBPIXELS = 4;

    private IcnrInit() {
    }

    /** Re-initialises every upscale convolution under {@code block} (after DJL's own initialisation). */
    static void apply(Block block) {
        if (block instanceof AutoencoderBlocks.Upscale upscale) {
            icnr(upscale.conv().getParameters().get("weight").getArray());
        }
        for (Pair<String, Block> child : block.getChildren()) {
            apply(child.getValue());
        }
    }

    /** (4·C, Cin, k, k) weights: channel c·4 + s becomes a copy of channel c, for each sub-pixel s. */
    private static void icnr(NDArray weight) {
        long channels = weight.getShape().get(0) / SUBPIXELS;
        NDArray base = weight.get(new NDIndex("0:" + channels));
        NDArray repeated = base.expandDims(1).repeat(1, SUBPIXELS).reshape(weight.getShape());
        weight.set(new NDIndex(":"), repeated);
        base.close();
        repeated.close();
    }
}
