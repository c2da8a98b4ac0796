package dev.doppel.media;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** A JPEG of the frame near 10 % of the video: past fades from black, and usually showing the person. */
@ApplicationScoped
public class Thumbnailer {

    private static final double POSITION = 0.10;
    private static final int JPEG_QUALITY = 85;

    @Inject
    MediaConfig config;

    public byte[] thumbnail(Path file, double durationSeconds) throws RejectedMediaException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            long at = (long) (durationSeconds * POSITION * 1_000_000);
            if (at > 0) {
                grabber.setVideoTimestamp(at);
            }
            Frame frame = grabber.grabImage();
            if (frame == null) {
                // Seeking can land past the last key frame of a short clip; the first frame will do.
                grabber.setVideoTimestamp(0);
                frame = grabber.grabImage();
            }
            if (frame == null) {
                throw new RejectedMediaException("No picture could be decoded from this video.");
            }
            Mat image = converter.convert(frame);
            try (Mat scaled = scaleDown(image)) {
                return ImageFiles.encode(".jpg", scaled, opencv_imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
            } catch (IllegalStateException e) {
                throw new RejectedMediaException("No thumbnail could be made from this video.");
            }
        } catch (FrameGrabber.Exception e) {
            throw new RejectedMediaException("No picture could be decoded from this video.");
        }
    }

    private Mat scaleDown(Mat image) {
        int longSide = Math.max(image.cols(), image.rows());
        double scale = Math.min(1.0, config.thumbnailLongSide() / (double) longSide);
        Mat out = new Mat();
        if (scale >= 1.0) {
            image.copyTo(out);
        } else {
            opencv_imgproc.resize(image, out,
                    new Size((int) Math.round(image.cols() * scale), (int) Math.round(image.rows() * scale)), 0, 0,
                    opencv_imgproc.INTER_AREA);
        }
        return out;
    }
}
