package dev.doppel.swap.convert;

import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_photo;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;

/** OpenCV's Poisson (seamless) clone: the face's gradients with the frame's colours at the mask's edge. */
final class SeamlessBlend implements BlendMethod {

    @Override
    public String name() {
        return "seamless";
    }

    /** False when OpenCV cannot do it here (a mask touching the region's edge). */
    @Override
    public boolean blend(Mat face, Mat target, Mat mask, int feather) {
        Rect box = opencv_imgproc.boundingRect(mask);
        if (box.x() < 1 || box.y() < 1 || box.x() + box.width() >= mask.cols() - 1
                || box.y() + box.height() >= mask.rows() - 1) {
            return false;
        }
        try (Mat out = new Mat(); Point centre = new Point(box.x() + box.width() / 2, box.y() + box.height() / 2)) {
            opencv_photo.seamlessClone(face, target, mask, centre, out, opencv_photo.NORMAL_CLONE);
            out.copyTo(target);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
