package dev.doppel.media;

import java.nio.file.Path;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides whether a file is a video we can work with, from what FFmpeg's probe (a child process:
 * {@link ProbeProcess}) reads in it. Every packet is listed (not decoded), so the frame count is exact and a file cut
 * short is caught, which the container's header alone would not show.
 */
@ApplicationScoped
public class VideoProbe {

    /** FFmpeg demuxers of real video containers; images, text ("tty") and raw pipes are not among them. */
    private static final Set<String> CONTAINERS = Set.of("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", "mpeg",
            "mpegts", "flv", "ogg", "asf", "mpegvideo", "h264", "hevc");

    /** Below this share of the announced duration, the packets stop early: the file was cut short. */
    private static final double TRUNCATION_TOLERANCE = 0.9;

    @Inject
    ProbeProcess process;

    VideoProbe() {
    }

    public VideoProbe(ProbeProcess process) {
        this.process = process;
    }

    public ProbeResult probe(Path file) throws RejectedMediaException {
        JsonNode report = process.probe(file);
        JsonNode format = report.path("format");
        String container = format.path("format_name").asText(null);
        JsonNode video = null;
        String audioCodec = null;
        for (JsonNode stream : report.path("streams")) {
            String type = stream.path("codec_type").asText();
            if ("video".equals(type) && video == null) {
                video = stream;
            } else if ("audio".equals(type) && audioCodec == null) {
                audioCodec = stream.path("codec_name").asText("unknown");
            }
        }
        int width = video == null ? 0 : video.path("width").asInt(0);
        int height = video == null ? 0 : video.path("height").asInt(0);
        if (container == null || video == null || width <= 0 || height <= 0) {
            throw new RejectedMediaException(audioCodec != null
                    ? "This file has sound but no picture; upload a video."
                    : "This file is not a video we can read.");
        }
        if (!CONTAINERS.contains(container)) {
            throw new RejectedMediaException("This file is not a video (FFmpeg reads it as \"" + container
                    + "\"); upload an MP4, MOV, MKV, WebM or AVI file.");
        }
        double fps = rate(video.path("avg_frame_rate").asText());
        if (fps <= 0) {
            fps = rate(video.path("r_frame_rate").asText());
        }
        double announced = format.path("duration").asDouble(0);
        Packets packets = videoPackets(report.path("packets"), video);
        if (packets.count() < 2) {
            throw new RejectedMediaException("This file holds a single picture, not a video.");
        }
        double duration = announced > 0 ? announced : fps > 0 ? packets.count() / fps : 0;
        if (announced > 0 && packets.endSeconds() < announced * TRUNCATION_TOLERANCE) {
            throw new RejectedMediaException(
                    "This video is damaged or incomplete (it stops early); upload the whole file again.");
        }
        return new ProbeResult(container, video.path("codec_name").asText("unknown"), audioCodec, width, height, fps,
                packets.count(), duration);
    }

    private record Packets(long count, double endSeconds) {
    }

    private static Packets videoPackets(JsonNode packets, JsonNode video) {
        int index = video.path("index").asInt();
        double secondsPerTick = rate(video.path("time_base").asText());
        long start = video.path("start_pts").canConvertToLong() ? video.path("start_pts").asLong() : 0;
        long count = 0;
        long maxEnd = Long.MIN_VALUE;
        for (JsonNode packet : packets) {
            if (packet.path("stream_index").asInt(-1) != index) {
                continue;
            }
            count++;
            JsonNode pts = packet.has("pts") ? packet.get("pts") : packet.get("dts");
            if (pts != null && pts.canConvertToLong()) {
                maxEnd = Math.max(maxEnd, pts.asLong() + Math.max(packet.path("duration").asLong(0), 0));
            }
        }
        return new Packets(count, maxEnd == Long.MIN_VALUE ? 0 : (maxEnd - start) * secondsPerTick);
    }

    /** "30000/1001" as a number; 0 for "0/0" or anything else. */
    static double rate(String fraction) {
        int slash = fraction == null ? -1 : fraction.indexOf('/');
        try {
            if (slash < 0) {
                return fraction == null || fraction.isEmpty() ? 0 : Double.parseDouble(fraction);
            }
            double den = Double.parseDouble(fraction.substring(slash + 1));
            return den == 0 ? 0 : Double.parseDouble(fraction.substring(0, slash)) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
