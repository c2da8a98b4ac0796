package dev.doppel.faces.mask;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;

import dev.doppel.faces.FacesConfig;
import dev.doppel.faces.ShippedModel;
import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.geometry.Landmarks;

/**
 * MediaPipe Face Mesh's face oval: its 468 points are found on the aligned crop (OpenCV's TFLite importer, input the
 * crop at 192 × 192 RGB in [0, 1], output x, y, z per point in those pixels), and the 36 points around the face —
 * hairline to chin — are the outline. It reaches the forehead, which the 68-point hull does not.
 */
@ApplicationScoped
public class FaceMeshMask implements MaskPlugin {

    public static final String NAME = "mesh";
    static final int INPUT = 192;
    static final int POINTS = 468;
    /** MediaPipe's FACEMESH_FACE_OVAL, in order around the face. */
    static final int[] OVAL = { 10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400,
            377, 152, 148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109 };

    @Inject
    FacesConfig config;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int rank() {
        return 2;
    }

    @Override
    public Optional<String> unavailable() {
        return ShippedModel.FACE_MESH.resolve(config.faceMeshModel()).isPresent() ? Optional.empty()
                : Optional.of("its model " + config.faceMeshModel() + " is missing");
    }

    @Override
    public FaceMasker create(FaceTemplate template) {
        String file = ShippedModel.FACE_MESH.resolve(config.faceMeshModel()).orElseThrow(
                () -> new IllegalStateException("The mesh mask is not available: " + unavailable().orElse("")))
                .toString();
        return new Masker(opencv_dnn.readNetFromTFLite(file));
    }

    /** One network per job. */
    static final class Masker implements FaceMasker {

        private final Net net;

        Masker(Net net) {
            this.net = net;
        }

        @Override
        public Landmarks outline(AlignedFace face) {
            Mat crop = face.crop();
            double scale = crop.cols() / (double) INPUT;
            try (Mat rgb = new Mat(); Mat blob = opencv_dnn.blobFromImage(rgb(crop, rgb), 1 / 255.0,
                    new Size(INPUT, INPUT), new Scalar(0, 0, 0, 0), false, false, opencv_core.CV_32F)) {
                net.setInput(blob);
                try (Mat out = net.forward("conv2d_21")) {
                    if (out.total() != 3L * POINTS) {
                        throw new IllegalStateException("Face Mesh gave " + out.total() + " values, not " + 3 * POINTS);
                    }
                    FloatPointer values = new FloatPointer(out.data());
                    double[] xy = new double[2 * OVAL.length];
                    for (int i = 0; i < OVAL.length; i++) {
                        xy[2 * i] = values.get(3L * OVAL[i]) * scale;
                        xy[2 * i + 1] = values.get(3L * OVAL[i] + 1) * scale;
                    }
                    return Landmarks.of(xy);
                }
            }
        }

        private static Mat rgb(Mat bgr, Mat rgb) {
            opencv_imgproc.cvtColor(bgr, rgb, opencv_imgproc.COLOR_BGR2RGB);
            return rgb;
        }

        @Override
        public void close() {
            net.close();
        }
    }
}
