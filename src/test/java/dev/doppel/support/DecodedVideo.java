package dev.doppel.support;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** A whole (short) video decoded with JavaCV: every picture, the sound's length, the container's tags. */
public record DecodedVideo(List<Mat> frames, double fps, int width, int height, int audioChannels,
        double audioSeconds, Map<String, String> metadata) implements AutoCloseable {

    public static DecodedVideo read(Path file) throws IOException {
        List<Mat> frames = new ArrayList<>();
        long samples = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grab()) != null) {
                if (frame.image != null) {
                    frames.add(converter.convert(frame).clone());
                } else if (frame.samples != null) {
                    Buffer first = frame.samples[0];
                    // Planar audio has a buffer per channel; interleaved has all channels in one.
                    samples += frame.samples.length > 1 ? first.limit() : first.limit() / Math.max(1,
                            frame.audioChannels);
                }
            }
            double rate = grabber.getSampleRate();
            return new DecodedVideo(frames, grabber.getFrameRate(), grabber.getImageWidth(), grabber.getImageHeight(),
                    grabber.getAudioChannels(), rate > 0 ? samples / rate : 0, Map.copyOf(grabber.getMetadata()));
        }
    }

    @Override
    public void close() {
        frames.forEach(Mat::close);
    }
}
