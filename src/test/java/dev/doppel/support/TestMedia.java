package dev.doppel.support;

import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The real clips in ../shared/testdata (read in place, never copied into the project) and small media files
 * made with the real encoder for the cases the clips do not cover.
 */
public final class TestMedia {

    public static final Path DIR = Path.of(System.getProperty("doppel.testdata", "../shared/testdata"));

    private TestMedia() {
    }

    public static Path clip(String name) {
        Path p = DIR.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("Test media missing: " + p.toAbsolutePath());
        }
        return p;
    }

    public static List<Path> gridClips() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().startsWith("grid_"))
                    .filter(p -> p.getFileName().toString().endsWith(".mp4"))
                    .filter(p -> !p.getFileName().toString().contains("concat"))
                    .sorted().toList();
        }
    }

    /** An H.264 clip of a moving circle, with no audio. */
    public static Path syntheticVideo(Path dir, int width, int height, int frames, double fps) throws IOException {
        Path out = Files.createTempFile(dir, "synthetic-", ".mp4");
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), width, height, 0);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setFrameRate(fps);
            recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                try (Mat image = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(40, 90, 160, 0))) {
                    opencv_imgproc.circle(image, new Point(20 + i * 5 % Math.max(1, width - 40), height / 2),
                            Math.min(width, height) / 6, new Scalar(230, 230, 230, 0), -1, opencv_imgproc.LINE_8, 0);
                    Frame frame = converter.convert(image);
                    recorder.record(frame);
                }
            }
            recorder.stop();
        }
        return out;
    }

    /** Two seconds of a sine tone in AAC, in an MP4 container with no video stream. */
    public static Path audioOnly(Path dir) throws IOException {
        Path out = Files.createTempFile(dir, "audio-only-", ".m4a");
        int rate = 44100;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(rate);
            recorder.setAudioBitrate(96_000);
            recorder.start();
            short[] samples = new short[rate * 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            }
            recorder.recordSamples(rate, 1, ShortBuffer.wrap(samples));
            recorder.stop();
        }
        return out;
    }

    /** The first half of a real clip: what an interrupted copy leaves behind. */
    public static Path truncated(Path dir, Path source) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Path out = Files.createTempFile(dir, "truncated-", ".mp4");
        Files.write(out, java.util.Arrays.copyOf(all, all.length / 2));
        return out;
    }
    /**
     * {@code source} re-encoded near-losslessly with its sound, frames {@code from} (inclusive) to {@code to}
     * (exclusive) replaced by a picture with no face in it.
     */
    public static Path withFacelessFrames(Path dir, Path source, int from, int to) throws IOException {
        Path out = Files.createTempFile(dir, "faceless-", ".mp4");
        try (org.bytedeco.javacv.FFmpegFrameGrabber grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(
                source.toFile()); OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), grabber.getImageWidth(),
                    grabber.getImageHeight(), grabber.getAudioChannels())) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
                recorder.setVideoOption("crf", "12");
                recorder.setFrameRate(grabber.getFrameRate());
                recorder.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(grabber.getSampleRate());
                recorder.start();
                Frame frame;
                int index = 0;
                while ((frame = grabber.grab()) != null) {
                    if (frame.image == null) {
                        recorder.record(frame);
                        continue;
                    }
                    if (index >= from && index < to) {
                        try (Mat image = new Mat(grabber.getImageHeight(), grabber.getImageWidth(),
                                opencv_core.CV_8UC3, new Scalar(60, 110, 90, 0))) {
                            opencv_imgproc.circle(image, new Point(40 + 4 * index, image.rows() / 2), 30,
                                    new Scalar(220, 220, 220, 0), -1, opencv_imgproc.LINE_8, 0);
                            recorder.record(converter.convert(image));
                        }
                    } else {
                        recorder.record(frame);
                    }
                    index++;
                }
                recorder.stop();
            }
        }
        return out;
    }
}
