package dev.doppel.swap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import dev.doppel.faces.align.FaceCrops;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.geometry.Affine;
import dev.doppel.faces.geometry.Landmarks;
import dev.doppel.faces.mask.FaceMasker;
import dev.doppel.faces.pipeline.FacePipeline;
import dev.doppel.faces.pipeline.FaceSink;
import dev.doppel.faces.pipeline.PipelineFace;
import dev.doppel.swap.convert.FaceBlender;
import dev.doppel.swap.convert.FaceRenderer;
import dev.doppel.swap.quality.FlickerMeter;
import dev.doppel.swap.video.Provenance;
import dev.doppel.swap.video.SwapVideoWriter;

/**
 * The swap's sink on the {@link FacePipeline} (decode → find, follow and align faces) → the network, a batch of
 * faces at a time → warp back, mask, colour-match, blend → label → encode, with the sound carried over. Frames
 * without a face are written as decoded. Time spent in each stage is kept for the benchmark.
 */
public final class VideoSwapper {

    public record Params(int batch, int crf, String x264Preset, int reportSamples) {

        public static Params of(SwapSettings s) {
            return new Params(s.batch(), s.crf(), s.x264Preset(), s.reportSamples());
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

    private record Face(int track, Affine toAligned, Landmarks outline, Mat input) {
    }

    private final FaceRenderer renderer;
    private final FacePipeline pipeline;
    private final FaceMasker masker;
    private final FaceTemplate template;
    private final FaceBlender blender;
    private final SwapOptions options;
    private final Params params;
    private final Stages stages = new Stages();

    public VideoSwapper(FaceRenderer renderer, FacePipeline pipeline, FaceMasker masker, SwapOptions options,
            Params params) {
        this.renderer = renderer;
        this.pipeline = pipeline;
        this.masker = masker;
        this.template = pipeline.template();
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
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in.toFile());
                FlickerMeter swappedFlicker = new FlickerMeter();
                FlickerMeter sourceFlicker = new FlickerMeter()) {
            grabber.start();
            long sampleEvery = Math.max(1, expectedFrames / Math.max(1, params.reportSamples()));
            long thumbnailAt = expectedFrames / 10;
            Output output = new Output(samples, swappedFlicker, thumbnail, counts, sampleEvery, thumbnailAt,
                    expectedFrames, progress);
            int width;
            int height;
            try (SwapVideoWriter writer = new SwapVideoWriter(out, grabber, params.crf(), params.x264Preset(),
                    metadata)) {
                width = writer.width();
                height = writer.height();
                pipeline.run(grabber, 1, true, new FaceSink() {
                    @Override
                    public void frame(int index, Mat frame, List<PipelineFace> faces) throws Exception {
                        pending.add(new Pending(index, frame.clone(), prepare(faces, frame, index, sourceFlicker)));
                        if (facesIn(pending) >= params.batch() || pending.size() >= 4 * params.batch()) {
                            flush(pending, writer, output);
                        }
                    }

                    @Override
                    public void audio(Frame samples) throws Exception {
                        long t0 = System.nanoTime();
                        writer.writeAudio(samples);
                        stages.encode += System.nanoTime() - t0;
                    }
                });
                flush(pending, writer, output);
            }
            stages.decode = pipeline.decodeNanos();
            stages.detect = pipeline.findNanos();
            return new Outcome(counts[0], counts[1], width, height, grabber.getFrameRate(),
                    grabber.getAudioChannels() > 0, stages, samples, swappedFlicker.mean(), sourceFlicker.mean(),
                    swappedFlicker.pairs(), thumbnail[0]);
        } catch (Exception | Error e) {
            pending.forEach(VideoSwapper::release);
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

    /** The network's inputs for this frame's faces (the aligned crops at the model's size). */
    private List<Face> prepare(List<PipelineFace> found, Mat image, long index, FlickerMeter sourceFlicker) {
        List<Face> faces = new ArrayList<>();
        for (PipelineFace f : found) {
            Mat input = new Mat();
            int s = renderer.size();
            opencv_imgproc.resize(f.aligned().crop(), input, new Size(s, s), 0, 0, opencv_imgproc.INTER_AREA);
            if (f.track() == 0) {
                sourceFlicker.add(index, FaceCrops.of(image, f.aligned().transform(), template.size()));
            }
            // The mask is outlined on the aligned crop and mapped back into the frame.
            Landmarks outline = f.aligned().transform().inverse().apply(masker.outline(f.aligned()));
            faces.add(new Face(f.track(), f.aligned().transform(), outline, input));
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
                double k = renderer.size() / (double) template.size();
                boolean swapped = false;
                for (Face f : p.faces()) {
                    Affine toRendered = f.toAligned().scaled(k);
                    swapped |= blender.blend(p.frame(), rendered.get(next++), toRendered, f.outline()) != null;
                    if (f.track() == 0) {
                        Mat crop = FaceCrops.of(p.frame(), f.toAligned(), template.size());
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
}
