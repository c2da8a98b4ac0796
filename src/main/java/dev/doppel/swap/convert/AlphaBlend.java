package dev.doppel.swap.convert;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** The feathered alpha blend: the mask, blurred over the feather, weighs the face against the frame. */
final class AlphaBlend implements BlendMethod {

    @Override
    public String name() {
        return "alpha";
    }

    @Override
    public boolean blend(Mat face, Mat target, Mat mask, int feather) {
        try (Mat alpha = new Mat(); Mat alpha3 = new Mat(); Mat f = new Mat(); Mat t = new Mat();
                Mat inverse = new Mat(); MatVector planes = new MatVector();
                Mat ones = new Mat(mask.size(), opencv_core.CV_32FC3, Scalar.all(1))) {
            mask.convertTo(alpha, opencv_core.CV_32F, 1 / 255.0, 0);
            if (feather >= 3) {
                opencv_imgproc.GaussianBlur(alpha, alpha, new Size(feather, feather), 0);
            }
            planes.push_back(alpha);
            planes.push_back(alpha);
            planes.push_back(alpha);
            opencv_core.merge(planes, alpha3);
            face.convertTo(f, opencv_core.CV_32FC3);
            target.convertTo(t, opencv_core.CV_32FC3);
            opencv_core.subtract(ones, alpha3, inverse);
            opencv_core.multiply(f, alpha3, f);
            opencv_core.multiply(t, inverse, t);
            opencv_core.add(f, t, f);
            f.convertTo(target, opencv_core.CV_8UC3);
            return true;
        }
    }
}
