package dev.doppel.media;

import java.nio.file.Path;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Opens a file with FFmpeg and decides whether it is a video we can work with. It reads every packet (not
 * every frame: no decoding) so the frame count is exact and a file cut short is caught, which the container's
 * header alone would not show.
 */
@ApplicationScoped
public class VideoProbe {

    /** FFmpeg demuxers of real video containers; images, text ("tty") and raw pipes are not among them. */
    private static final Set<String> CONTAINERS = Set.of("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "mpeg",
            "mpegts", "flv", "ogg", "asf", "mpegvideo", "h264", "hevc");

    /** Below this share of the announced duration, the packets stop early: the file was cut short. */
    private static final double TRUNCATION_TOLERANCE = 0.9;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    public ProbeResult probe(Path file) throws RejectedMediaException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            try {
                grabber.start();
            } catch (FrameGrabber.Exception e) {
                throw new RejectedMediaException("This file is not a video we can read.");
            }
            String format = grabber.getFormat();
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new RejectedMediaException(grabber.hasAudio()
                        ? "This file has sound but no picture; upload a video."
                        : "This file is not a video we can read.");
            }
            if (format == null || !CONTAINERS.contains(format)) {
                throw new RejectedMediaException("This file is not a video (FFmpeg reads it as \"" + format
                        + "\"); upload an MP4, MOV, MKV, WebM or AVI file.");
            }
            double fps = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
            double announced = grabber.getLengthInTime() / 1_000_000.0;
            int videoStream = grabber.getVideoStream();
            String videoCodec = grabber.getVideoCodecName();
            String audioCodec = grabber.hasAudio() ? grabber.getAudioCodecName() : null;
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();

            Packets packets = countVideoPackets(grabber, videoStream);
            if (packets.count() < 2) {
                throw new RejectedMediaException("This file holds a single picture, not a video.");
            }
            double duration = announced > 0 ? announced : packets.count() / fps;
            if (packets.damaged() || (announced > 0 && packets.endSeconds() < announced * TRUNCATION_TOLERANCE)) {
                throw new RejectedMediaException(
                        "This video is damaged or incomplete (it stops early); upload the whole file again.");
            }
            return new ProbeResult(format, videoCodec, audioCodec, width, height, fps, packets.count(), duration);
        } catch (FrameGrabber.Exception e) {
            throw new RejectedMediaException("This file is not a video we can read.");
        }
    }

    private record Packets(long count, double endSeconds, boolean damaged) {
    }

    private static Packets countVideoPackets(FFmpegFrameGrabber grabber, int videoStream) {
        long count = 0;
        long maxEnd = 0;
        boolean damaged = false;
        var timeBase = grabber.getFormatContext().streams(videoStream).time_base();
        double secondsPerTick = timeBase.num() / (double) timeBase.den();
        while (true) {
            AVPacket packet;
            try {
                packet = grabber.grabPacket();
            } catch (FrameGrabber.Exception e) {
                damaged = true;
                break;
            }
            if (packet == null) {
                break;
            }
            try {
                if (packet.stream_index() == videoStream) {
                    count++;
                    long pts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                    if (pts != avutil.AV_NOPTS_VALUE) {
                        maxEnd = Math.max(maxEnd, pts + Math.max(packet.duration(), 0));
                    }
                }
            } finally {
                org.bytedeco.ffmpeg.global.avcodec.av_packet_unref(packet);
            }
        }
        long startTicks = grabber.getFormatContext().streams(videoStream).start_time();
        if (startTicks == avutil.AV_NOPTS_VALUE) {
            startTicks = 0;
        }
        return new Packets(count, (maxEnd - startTicks) * secondsPerTick, damaged);
    }
}
