package dev.doppel.swap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.FaceLocators;
import dev.doppel.faces.detect.FaceDetector;
import dev.doppel.faces.detect.YuNetFaceDetector;
import dev.doppel.faces.detect.YuNetModelFile;
import dev.doppel.faces.mask.HullMask;
import dev.doppel.faces.pipeline.FaceFilter;
import dev.doppel.faces.pipeline.FacePipeline;
import dev.doppel.faces.pipeline.FaceTracker;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.detect.CascadeFaceDetector;
import dev.doppel.faces.landmarks.ShapePredictor;
import dev.doppel.runtime.OfflineDefaults;
import dev.doppel.swap.video.Provenance;
import dev.doppel.swap.video.SwapVideoWriter;
import dev.doppel.training.AutoencoderTrainer;
import dev.doppel.training.Preset;

/**
 * End-to-end swap speed on one clip: frames per second and where the time goes (decode, detect + landmarks,
 * inference, blend, encode), with the default settings and with the detector on every frame, next to a plain
 * decode → encode of the same clip through the same writer (the floor no swap can beat), all in this run. The
 * network's weights are untrained: inference costs the same whatever they are.
 *   SwapBenchmark CLIP PRESET [REPEATS]
 */
public final class SwapBenchmark {

    /** Frames with a swapped face in the latest run. */
    private static final long[] FACES = new long[1];

    private SwapBenchmark() {
    }

    static final VideoSwapper.Params PARAMS = new VideoSwapper.Params(8, 16, "veryfast", 150);

    public static void main(String[] args) throws Exception {
        OfflineDefaults.apply();
        Path clip = Path.of(args[0]);
        String presetName = args.length > 1 ? args[1] : "lite";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Preset preset = Preset.read(Path.of("models/presets", presetName + ".json"));
        ShapePredictor predictor = ShapePredictor.read(Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat"));
        Path out = Files.createTempFile("swap-bench-", ".mp4");
        Device device = Engine.getEngine("PyTorch").defaultDevice();
        int defaults = 5;
        int everyFrame = 1;
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, device, 1)) {
            ModelRenderer renderer = new ModelRenderer(trainer.network(), trainer.manager(), false);
            FaceTemplate template = FaceTemplate.fromMeanShape(predictor.meanShape(), 256);
            long frames = count(clip);
            // Warm-up: JIT, natives, libtorch's first allocations.
            swap(clip, out, renderer, predictor, template, defaults, frames);
            double floor = Double.MAX_VALUE;
            long withFaces = FACES[0];
            VideoSwapper.Stages best = null;
            VideoSwapper.Stages bestEvery = null;
            for (int i = 0; i < repeats; i++) {
                floor = Math.min(floor, transcode(clip, out));
                VideoSwapper.Stages s = swap(clip, out, renderer, predictor, template, defaults, frames);
                if (best == null || s.total() < best.total()) {
                    best = s;
                }
                VideoSwapper.Stages e = swap(clip, out, renderer, predictor, template, everyFrame, frames);
                if (bestEvery == null || e.total() < bestEvery.total()) {
                    bestEvery = e;
                }
            }
            swap(clip, out, renderer, predictor, template, everyFrame, frames);
            long withFacesEvery = FACES[0];
            String sheet = System.getProperty("swap.sheet");
            if (sheet != null) {
                swap(clip, out, renderer, predictor, template, defaults, frames);
                contactSheet(out, Path.of(sheet), frames);
            }
            double fps = frames / (best.total() / 1e9);
            double fpsEvery = frames / (bestEvery.total() / 1e9);
            double fpsFloor = frames / floor;
            System.out.printf(Locale.ROOT, "{\"clip\": \"%s\", \"frames\": %d, \"framesWithFaces\": %d, \"framesWithFacesDetectEveryFrame\": %d, \"preset\": \"%s\", \"device\": \"%s\", "
                    + "\"fps\": %.1f, \"realTimeRatio\": %.2f, \"fpsDetectEveryFrame\": %.1f, "
                    + "\"fpsDecodeEncodeOnly\": %.1f, \"ratioToDecodeEncode\": %.2f, \"msPerFrame\": {%s}, "
                    + "\"msPerFrameDetectEveryFrame\": {%s}}%n",
                    clip.getFileName(), frames, withFaces, withFacesEvery, presetName, device, fps, fps / 25.0, fpsEvery, fpsFloor,
                    fps / fpsFloor, split(best, frames), split(bestEvery, frames));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static VideoSwapper.Stages swap(Path clip, Path out, ModelRenderer renderer, ShapePredictor predictor,
            FaceTemplate template, int detectEvery, long frames) throws Exception {
        FaceTracker.Settings tracking = new FaceTracker.Settings(detectEvery, 40, 1, FaceDetector.Search.QUICK_TILTED,
                25, 1);
        try (FacePipeline pipeline = new FacePipeline(new FaceLocator(detector(), predictor,
                FaceLocators.eyeCascade()), template, tracking, FaceFilter.LARGEST)) {
            VideoSwapper swapper = new VideoSwapper(renderer, pipeline, new HullMask().create(template),
                    SwapOptions.defaults(), PARAMS);
            try (VideoSwapper.Outcome outcome = swapper.run(clip, out,
                    Provenance.metadata(UUID.randomUUID(), UUID.randomUUID()), frames, (done, expected) -> {
                    })) {
                if (outcome.frames() != frames) {
                    throw new IllegalStateException("wrote " + outcome.frames() + " of " + frames + " frames");
                }
                FACES[0] = outcome.framesWithFaces();
                return outcome.stages();
            }
        }
    }

    /** The detector named by -Dbench.detector: yunet (the default, as in the app), haar or lbp. */
    public static FaceDetector detector() {
        return switch (System.getProperty("bench.detector", "yunet")) {
            case "haar" -> CascadeFaceDetector.haar();
            case "lbp" -> CascadeFaceDetector.lbp();
            default -> new YuNetFaceDetector(Path.of(YuNetModelFile.DEFAULT), YuNetFaceDetector.MIN_SCORE);
        };
    }

    /** Seconds to decode and re-encode the clip with nothing in between. */
    private static double transcode(Path clip, Path out) throws Exception {
        long started = System.nanoTime();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            try (SwapVideoWriter writer = new SwapVideoWriter(out, grabber, 16, "veryfast", Map.of())) {
                Frame frame;
                while ((frame = grabber.grab()) != null) {
                    if (frame.image != null) {
                        writer.writeImage(converter.convert(frame));
                    } else {
                        writer.writeAudio(frame);
                    }
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Four frames spread over the swapped clip side by side, to look at what the benchmark produced. */
    private static void contactSheet(Path video, Path sheet, long frames) throws Exception {
        java.util.List<org.bytedeco.opencv.opencv_core.Mat> picked = new java.util.ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            long index = 0;
            while ((frame = grabber.grabImage()) != null) {
                if (index++ % Math.max(1, frames / 4) == 0 && picked.size() < 4) {
                    picked.add(converter.convert(frame).clone());
                }
            }
        }
        try (org.bytedeco.opencv.opencv_core.MatVector row = new org.bytedeco.opencv.opencv_core.MatVector(
                picked.toArray(new org.bytedeco.opencv.opencv_core.Mat[0]));
                org.bytedeco.opencv.opencv_core.Mat out = new org.bytedeco.opencv.opencv_core.Mat()) {
            org.bytedeco.opencv.global.opencv_core.hconcat(row, out);
            try (org.bytedeco.opencv.opencv_core.Mat small = new org.bytedeco.opencv.opencv_core.Mat()) {
                org.bytedeco.opencv.global.opencv_imgproc.resize(out, small, new org.bytedeco.opencv.opencv_core.Size(out.cols() * 3 / 5, out.rows() * 3 / 5));
                org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(sheet.toString(), small);
            }
        }
    }

    private static long count(Path clip) throws Exception {
        long n = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile())) {
            grabber.start();
            while (grabber.grabImage() != null) {
                n++;
            }
        }
        return n;
    }

    private static String split(VideoSwapper.Stages s, long frames) {
        return String.format(Locale.ROOT, "\"decode\": %.2f, \"detectLandmarks\": %.2f, \"inference\": %.2f, "
                + "\"blend\": %.2f, \"encode\": %.2f", s.decode / 1e6 / frames, s.detect / 1e6 / frames,
                s.inference / 1e6 / frames, s.blend / 1e6 / frames, s.encode / 1e6 / frames);
    }
}
