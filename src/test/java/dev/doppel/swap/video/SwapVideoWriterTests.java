package dev.doppel.swap.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.DecodedVideo;

/** The writer with FFmpeg for real: tags, frame rate, and a source whose size H.264 cannot take as it is. */
@Tag("no-database")
class SwapVideoWriterTests {

    @TempDir
    Path dir;

    @Test
    void writesAnOddSizedSourceAtAnEvenSizeWithItsFramesRateAndTags() throws Exception {
        Path source = oddSource(dir.resolve("odd.mkv"), 161, 121, 12);
        Path out = dir.resolve("out.mp4");
        UUID model = UUID.randomUUID();
        int[] width = new int[1];
        int[] height = new int[1];
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            try (SwapVideoWriter writer = new SwapVideoWriter(out, grabber, 16, "veryfast",
                    Provenance.metadata(model, UUID.randomUUID()))) {
                // JavaCV may already hand the picture over a pixel wider; either way the result is even and
                // within a pixel of the source.
                assertThat(writer.width() % 2).isZero();
                assertThat(writer.height() % 2).isZero();
                assertThat(writer.width()).isBetween(160, 162);
                assertThat(writer.height()).isBetween(120, 122);
                width[0] = writer.width();
                height[0] = writer.height();
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    writer.writeImage(converter.convert(frame));
                }
            }
        }
        try (DecodedVideo video = DecodedVideo.read(out)) {
            assertThat(video.width()).isEqualTo(width[0]);
            assertThat(video.height()).isEqualTo(height[0]);
            assertThat(video.frames()).hasSize(12);
            assertThat(video.fps()).isEqualTo(25.0);
            assertThat(video.metadata()).containsEntry(Provenance.AI_GENERATED_TAG, "true")
                    .containsEntry(Provenance.MODEL_TAG, model.toString());
        }
        assertThat(Files.size(out)).isPositive();
    }

    /** A lossless FFV1 clip of an odd size (H.264 in 4:2:0 cannot store one). */
    private static Path oddSource(Path file, int width, int height, int frames) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_BGR0);
            recorder.setFrameRate(25);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                try (Mat image = new Mat(height, width, opencv_core.CV_8UC3, new Scalar(20 * i, 100, 200, 0))) {
                    recorder.record(converter.convert(image));
                }
            }
            recorder.stop();
        }
        return file;
    }

}
