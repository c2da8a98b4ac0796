package dev.doppel.swap.convert;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.geometry.Affine;
import dev.doppel.faces.geometry.Bounds;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.swap.SwapOptions;

/**
 * Puts a rendered face back into its frame: the face is warped back with the inverse of the alignment, the
 * mask is the hull of the mask plugin's outline of this frame's face, eroded so the edge sits
 * inside the face and feathered so it fades out, and the colours are matched before blending. Only the
 * face's bounding box is touched; every pixel outside the feathered mask keeps its value exactly.
 */
public final class FaceBlender {

    private final SwapOptions options;

    public FaceBlender(SwapOptions options) {
        this.options = options;
    }

    /**
     * Blends {@code rendered} (the network's S × S output) into {@code frame}. {@code toCrop} maps frame pixels
     * to rendered pixels; {@code outline} is the mask's outline in frame pixels (its convex hull is the mask: the
     * mask plugin's, see MaskPlugins). Returns the region
     * changed, or null when the face lies outside the frame.
     */
    public Rect blend(Mat frame, Mat rendered, Affine toCrop, Landmarks outline) {
        double faceWidth = outline.width();
        int erode = (int) Math.round(faceWidth * options.maskErode() / 100.0);
        int feather = (int) Math.round(faceWidth * options.maskFeather() / 100.0) | 1;
        Rect roi = bounds(outline, feather / 2 + 2, frame.cols(), frame.rows());
        if (roi == null) {
            return null;
        }
        try (Mat target = new Mat(frame, roi); Mat mask = new Mat(roi.height(), roi.width(), opencv_core.CV_8UC1,
                new Scalar(0)); Mat face = new Mat(); Mat valid = new Mat(); Mat m = toCrop.fromOrigin(roi.x(), roi.y()).toMat();
                Mat ones = new Mat(rendered.rows(), rendered.cols(), opencv_core.CV_8UC1, new Scalar(255))) {
            FaceMask.fill(mask, outline, roi.x(), roi.y());
            opencv_imgproc.threshold(mask, mask, 127, 255, opencv_imgproc.THRESH_BINARY);
            if (erode > 0) {
                try (Mat kernel = opencv_imgproc.getStructuringElement(opencv_imgproc.MORPH_ELLIPSE,
                        new Size(2 * erode + 1, 2 * erode + 1))) {
                    opencv_imgproc.erode(mask, mask, kernel);
                }
            }
            Size size = new Size(roi.width(), roi.height());
            int inverse = opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP;
            opencv_imgproc.warpAffine(rendered, face, m, size, inverse, opencv_core.BORDER_REPLICATE, new Scalar());
            // The rendered square may not cover the whole hull on a face at the frame's edge.
            opencv_imgproc.warpAffine(ones, valid, m, size, opencv_imgproc.INTER_NEAREST
                    | opencv_imgproc.WARP_INVERSE_MAP, opencv_core.BORDER_CONSTANT, new Scalar(0));
            opencv_core.bitwise_and(mask, valid, mask);
            if (opencv_core.countNonZero(mask) == 0) {
                return null;
            }
            try (Mat region = new Mat(); Mat reach = opencv_imgproc.getStructuringElement(
                    opencv_imgproc.MORPH_ELLIPSE, new Size(feather + 3, feather + 3))) {
                // The feathered edge reaches about half the feather beyond the mask: colours change there too.
                opencv_imgproc.dilate(mask, region, reach);
                ColourMatchers.apply(options.colour(), face, target, mask, region);
            }
            BlendMethods.apply(options.blend(), face, target, mask, feather);
            return roi;
        }
    }

    static Rect bounds(Landmarks pts, int margin, int width, int height) {
        Bounds b = pts.bounds();
        int x0 = Math.max(0, (int) Math.floor(b.minX()) - margin);
        int y0 = Math.max(0, (int) Math.floor(b.minY()) - margin);
        int x1 = Math.min(width, (int) Math.ceil(b.maxX()) + margin + 1);
        int y1 = Math.min(height, (int) Math.ceil(b.maxY()) + margin + 1);
        return x1 - x0 < 4 || y1 - y0 < 4 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
