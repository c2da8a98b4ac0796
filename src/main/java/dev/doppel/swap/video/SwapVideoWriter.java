package dev.doppel.swap.video;

import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes the swapped video: H.264 (x264) at the source's size and frame rate, the source's sound re-encoded as
 * AAC (FFmpeg cannot copy one stream while encoding another through this API), the provenance tags, and the
 * index at the front of the file (faststart) so a browser can play it while it downloads.
 */
public final class SwapVideoWriter implements AutoCloseable {

    private final FFmpegFrameRecorder recorder;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final boolean audio;
    private final int width;
    private final int height;
    private long frames;

    public SwapVideoWriter(Path out, FFmpegFrameGrabber source, int crf, String x264Preset,
            Map<String, String> metadata) throws FFmpegFrameRecorder.Exception {
        this.audio = source.getAudioChannels() > 0;
        // H.264 in 4:2:0 needs even sizes: an odd last column or row is left out.
        this.width = source.getImageWidth() & ~1;
        this.height = source.getImageHeight() & ~1;
        recorder = new FFmpegFrameRecorder(out.toFile(), width, height, audio ? source.getAudioChannels() : 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        // Accurate rounding and full chroma interpolation: the colour conversion is half of what re-encoding an
        // untouched pixel costs, and these flags make it nearly free.
        recorder.setImageScalingFlags(swscale.SWS_BICUBIC | swscale.SWS_ACCURATE_RND | swscale.SWS_FULL_CHR_H_INT);
        recorder.setFrameRate(source.getFrameRate());
        recorder.setVideoOption("crf", Integer.toString(crf));
        recorder.setVideoOption("preset", x264Preset);
        recorder.setOption("movflags", "+faststart+use_metadata_tags");
        recorder.setMetadata(metadata);
        if (audio) {
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(source.getSampleRate());
            recorder.setAudioBitrate(Math.max(128_000, source.getAudioBitrate()));
        }
        recorder.start();
    }

    public void writeImage(Mat bgr) throws FFmpegFrameRecorder.Exception {
        if (bgr.cols() == width && bgr.rows() == height) {
            recorder.record(converter.convert(bgr), avutil.AV_PIX_FMT_BGR24);
        } else {
            try (Mat even = new Mat(bgr, new org.bytedeco.opencv.opencv_core.Rect(0, 0, width, height));
                    Mat copy = even.clone()) {
                recorder.record(converter.convert(copy), avutil.AV_PIX_FMT_BGR24);
            }
        }
        frames++;
    }

    /** The written picture's size: the source's, less an odd last column or row. */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public void writeAudio(Frame samples) throws FFmpegFrameRecorder.Exception {
        if (audio && samples.samples != null) {
            recorder.record(samples);
        }
    }

    public long frames() {
        return frames;
    }

    @Override
    public void close() throws FFmpegFrameRecorder.Exception {
        try {
            recorder.stop();
        } finally {
            recorder.release();
            converter.close();
        }
    }
}
