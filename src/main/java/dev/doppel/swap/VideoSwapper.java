package dev.doppel.swap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.swap.convert.FaceBlender;
import dev.doppel.swap.convert.FaceRenderer;
import dev.doppel.swap.convert.FaceTracker;
import dev.doppel.swap.convert.TrackedFace;
import dev.doppel.swap.quality.FaceCrops;
import dev.doppel.swap.quality.FlickerMeter;
import dev.doppel.swap.video.Provenance;
import dev.doppel.swap.video.SwapVideoWriter;

/**
 * The frame converter: decode → find faces (detector plus landmark tracking) → align → the network, a batch of
 * faces at a time → warp back, mask, colour-match, blend → label → encode, with the sound carried over. Frames
 * without a face are written as decoded. Time spent in each stage is kept for the benchmark.
 */
public final class VideoSwapper {

    public record Params(int detectEvery, int batch, int maxFaces, int minFaceSize, int crf, String x264Preset,
            int reportSamples) {

        public static Params of(SwapSettings s) {
            return new Params(s.detectEvery(), s.batch(), s.maxFaces(), s.minFaceSize(), s.crf(), s.x264Preset(),
                    s.reportSamples());
        }
    }

    /** Nanoseconds per stage. */
    public static final class Stages {
        public long decode;
        public long detect;
        public long inference;
        public long blend;
        public long encode;

        public long total() {
            return decode + detect + inference + blend + encode;
        }
    }

    /** Called after every frame written; may throw to stop (a cancelled job). */
    public interface Progress {
        void frames(long written, long expected);
    }

    /**
     * What came out. {@code swappedSamples} are grey crops of swapped faces spread over the video (for the
     * identity check; the caller closes them), {@code thumbnail} a frame near 10 %.
     */
    public record Outcome(long frames, long framesWithFaces, int width, int height, double fps, boolean hasAudio,
            Stages stages, List<Mat> swappedSamples, double swappedFlicker, double sourceFlicker, int flickerPairs,
            Mat thumbnail) implements AutoCloseable {

        @Override
        public void close() {
            swappedSamples.forEach(Mat::close);
            if (thumbnail != null) {
                thumbnail.close();
            }
        }
    }

    private record Pending(long index, Mat frame, List<Face> faces) {
    }

    private record Face(TrackedFace tracked, double[] toAligned, double[] landmarks, Mat input) {
    }

    private final FaceRenderer renderer;
    private final FaceLocator locator;
    private final FaceAligner aligner;
    private final FaceBlender blender;
    private final SwapOptions options;
    private final Params params;
    private final Stages stages = new Stages();

    public VideoSwapper(FaceRenderer renderer, FaceLocator locator, FaceTemplate template, SwapOptions options,
            Params params) {
        this.renderer = renderer;
        this.locator = locator;
        this.aligner = new FaceAligner(template);
        this.blender = new FaceBlender(options);
        this.options = options;
        this.params = params;
    }

    public Outcome run(Path in, Path out, Map<String, String> metadata, long expectedFrames, Progress progress)
            throws Exception {
        List<Mat> samples = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Mat[] thumbnail = new Mat[1];
        long[] counts = new long[2];
        int[] size = new int[2];
        FaceTracker tracker = null;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                FlickerMeter swappedFlicker = new FlickerMeter();
                FlickerMeter sourceFlicker = new FlickerMeter()) {
            grabber.start();
            double fps = grabber.getFrameRate();
            tracker = new FaceTracker(locator, params.detectEvery(), params.minFaceSize(), params.maxFaces(), fps);
            long sampleEvery = Math.max(1, expectedFrames / Math.max(1, params.reportSamples()));
            long thumbnailAt = expectedFrames / 10;
            Output output = new Output(samples, swappedFlicker, thumbnail, counts, sampleEvery, thumbnailAt,
                    expectedFrames, progress);
            try (SwapVideoWriter writer = new SwapVideoWriter(out, grabber, params.crf(), params.x264Preset(),
                    metadata)) {
                size[0] = writer.width();
                size[1] = writer.height();
                long index = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    Frame frame = grabber.grab();
                    if (frame == null) {
                        stages.decode += System.nanoTime() - t0;
                        break;
                    }
                    if (frame.image == null) {
                        stages.decode += System.nanoTime() - t0;
                        long t1 = System.nanoTime();
                        writer.writeAudio(frame);
                        stages.encode += System.nanoTime() - t1;
                        continue;
                    }
                    Mat image = converter.convert(frame).clone();
                    long t1 = System.nanoTime();
                    stages.decode += t1 - t0;
                    List<Face> faces = prepare(tracker, image, index, sourceFlicker);
                    stages.detect += System.nanoTime() - t1;
                    pending.add(new Pending(index++, image, faces));
                    if (facesIn(pending) >= params.batch() || pending.size() >= 4 * params.batch()) {
                        flush(pending, writer, output);
                    }
                }
                flush(pending, writer, output);
            }
            tracker.close();
            return new Outcome(counts[0], counts[1], size[0], size[1],
                    grabber.getFrameRate(), grabber.getAudioChannels() > 0, stages, samples, swappedFlicker.mean(),
                    sourceFlicker.mean(), swappedFlicker.pairs(), thumbnail[0]);
        } catch (Exception | Error e) {
            pending.forEach(VideoSwapper::release);
            if (tracker != null) {
                tracker.close();
            }
            samples.forEach(Mat::close);
            if (thumbnail[0] != null) {
                thumbnail[0].close();
            }
            throw e;
        }
    }

    public Stages stages() {
        return stages;
    }

    private List<Face> prepare(FaceTracker tracker, Mat image, long index, FlickerMeter sourceFlicker) {
        List<Face> faces = new ArrayList<>();
        for (TrackedFace t : tracker.next(image, (int) index)) {
            try (AlignedFace aligned = t.hasLandmarks() ? aligner.alignOnLandmarks(image, t.landmarks())
                    : aligner.alignOnEyes(image, t.leftEye(), t.rightEye())) {
                Mat input = new Mat();
                int s = renderer.size();
                opencv_imgproc.resize(aligned.crop(), input, new Size(s, s), 0, 0, opencv_imgproc.INTER_AREA);
                double[] landmarks = t.hasLandmarks() ? t.landmarks()
                        : FaceAligner.apply(invert(aligned.transform()), aligner.template().points());
                if (t.track() == 0) {
                    sourceFlicker.add(index, FaceCrops.of(image, aligned.transform(), aligner.template().size()));
                }
                faces.add(new Face(t, aligned.transform(), landmarks, input));
            }
        }
        return faces;
    }

    /** Everything the written frames feed: quality samples, flicker, the thumbnail and the counts. */
    private record Output(List<Mat> samples, FlickerMeter flicker, Mat[] thumbnail, long[] counts, long sampleEvery,
            long thumbnailAt, long expected, Progress progress) {
    }

    private void flush(List<Pending> pending, SwapVideoWriter writer, Output output) throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        List<Mat> inputs = new ArrayList<>();
        for (Pending p : pending) {
            p.faces().forEach(f -> inputs.add(f.input()));
        }
        long t0 = System.nanoTime();
        List<Mat> rendered = renderer.render(inputs);
        stages.inference += System.nanoTime() - t0;
        int next = 0;
        try {
            for (Pending p : pending) {
                long t1 = System.nanoTime();
                double k = renderer.size() / (double) aligner.template().size();
                boolean swapped = false;
                for (Face f : p.faces()) {
                    double[] toRendered = scaled(f.toAligned(), k);
                    swapped |= blender.blend(p.frame(), rendered.get(next++), toRendered, f.landmarks()) != null;
                    if (f.tracked().track() == 0) {
                        Mat crop = FaceCrops.of(p.frame(), f.toAligned(), aligner.template().size());
                        if (p.index() % output.sampleEvery() == 0) {
                            output.samples().add(crop.clone());
                        }
                        output.flicker().add(p.index(), crop);
                    }
                }
                if (swapped) {
                    output.counts()[1]++;
                }
                if (options.label()) {
                    Provenance.drawLabel(p.frame());
                }
                if (p.index() == output.thumbnailAt() || (output.thumbnail()[0] == null && swapped)) {
                    if (output.thumbnail()[0] != null) {
                        output.thumbnail()[0].close();
                    }
                    output.thumbnail()[0] = p.frame().clone();
                }
                long t2 = System.nanoTime();
                stages.blend += t2 - t1;
                writer.writeImage(p.frame());
                stages.encode += System.nanoTime() - t2;
                output.counts()[0]++;
                output.progress().frames(output.counts()[0], output.expected());
            }
        } finally {
            rendered.forEach(Mat::close);
            pending.forEach(VideoSwapper::release);
            pending.clear();
        }
    }

    private static int facesIn(List<Pending> pending) {
        int n = 0;
        for (Pending p : pending) {
            n += p.faces().size();
        }
        return n;
    }

    private static void release(Pending p) {
        p.frame().close();
        p.faces().forEach(f -> f.input().close());
    }

    static double[] scaled(double[] t, double k) {
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = t[i] * k;
        }
        return out;
    }

    /** The inverse of a {m00, m01, tx, m10, m11, ty} affine map. */
    static double[] invert(double[] t) {
        double det = t[0] * t[4] - t[1] * t[3];
        double a = t[4] / det, b = -t[1] / det, c = -t[3] / det, d = t[0] / det;
        return new double[] { a, b, -(a * t[2] + b * t[5]), c, d, -(c * t[2] + d * t[5]) };
    }
}
