package dev.doppel.faces.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.geometry.Landmarks;

/**
 * The one path from video frames to aligned faces that extraction and swap both take: frames → detector →
 * landmarks → tracker (follow between detections, confirm each detection on its aligned crop, keep the faces
 * the {@link FaceFilter} chooses, smooth) → aligner → a {@link FaceSink}. What differs between the two is only
 * the sink, which frames it is given ({@code everyNth}) and whether sound goes along.
 */
public final class FacePipeline implements AutoCloseable {

    private final FaceLocator locator;
    private final FaceTracker tracker;
    private final FaceAligner aligner;
    private long decodeNanos;
    private long findNanos;

    public FacePipeline(FaceLocator locator, FaceTemplate template, FaceTracker.Settings settings,
            FaceFilter filter) {
        this.locator = locator;
        this.tracker = new FaceTracker(locator, settings, filter);
        this.aligner = new FaceAligner(template);
    }

    public FaceTemplate template() {
        return aligner.template();
    }

    /**
     * Decodes every frame of a started {@code grabber}, hands every {@code everyNth} one (from the first) to the
     * sink with its faces, and — when {@code withSound} — the sound packets too. Frames the sink is not given
     * are not converted or searched.
     */
    public void run(FFmpegFrameGrabber grabber, int everyNth, boolean withSound, FaceSink sink) throws Exception {
        try (OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            int index = -1;
            while (true) {
                long t0 = System.nanoTime();
                Frame frame = withSound ? grabber.grab() : grabber.grabImage();
                decodeNanos += System.nanoTime() - t0;
                if (frame == null) {
                    return;
                }
                if (frame.image == null) {
                    if (withSound && frame.samples != null) {
                        sink.audio(frame);
                    }
                    continue;
                }
                index++;
                if (index % everyNth != 0) {
                    continue;
                }
                Mat image = converter.convert(frame);
                List<PipelineFace> faces = faces(image, index);
                try {
                    sink.frame(index, image, faces);
                } finally {
                    faces.forEach(PipelineFace::close);
                }
            }
        }
    }

    /** The faces of one frame, aligned; frames must come in order. The caller closes them. */
    public List<PipelineFace> faces(Mat frame, int index) {
        long t0 = System.nanoTime();
        List<PipelineFace> out = new ArrayList<>();
        try {
            for (TrackedFace t : tracker.next(frame, index)) {
                AlignedFace aligned = t.hasLandmarks() ? aligner.alignOnLandmarks(frame, t.landmarks())
                        : aligner.alignOnEyes(frame, t.leftEye(), t.rightEye());
                Landmarks inFrame = t.hasLandmarks() ? t.landmarks()
                        : aligned.transform().inverse().apply(aligner.template().landmarks());
                out.add(new PipelineFace(t.track(), t.box(), inFrame, t.hasLandmarks(), aligned));
            }
            return out;
        } catch (RuntimeException | Error e) {
            out.forEach(PipelineFace::close);
            throw e;
        } finally {
            findNanos += System.nanoTime() - t0;
        }
    }

    /** Time spent decoding so far. */
    public long decodeNanos() {
        return decodeNanos;
    }

    /** Time spent finding, following and aligning faces so far. */
    public long findNanos() {
        return findNanos;
    }

    /** Closes the tracker and the locator, which the pipeline owns from its construction. */
    @Override
    public void close() {
        tracker.close();
        locator.close();
    }
}
