package dev.doppel.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.doppel.faces.FaceLocator;
import dev.doppel.faces.LocatedFace;
import dev.doppel.faces.align.AlignedFace;
import dev.doppel.faces.align.FaceAligner;
import dev.doppel.faces.align.FaceMask;
import dev.doppel.faces.align.FaceTemplate;
import dev.doppel.faces.detect.CascadeFaceDetector;
import dev.doppel.faces.landmarks.ShapePredictor;
import dev.doppel.runtime.OfflineDefaults;
import dev.doppel.support.TestMedia;

/** The network and one training step at a time, on real aligned faces of two GRID speakers, on the CPU. */
@Tag("no-database")
class AutoencoderTrainerTests {

    private static final Path PRESETS = Path.of("models/presets");
    private static List<Mat[]> facesA;
    private static List<Mat[]> facesB;

    @BeforeAll
    static void extractFaces() throws Exception {
        OfflineDefaults.apply();
        ShapePredictor predictor = ShapePredictor.read(Path.of("/usr/share/dlib/shape_predictor_68_face_landmarks.dat"));
        FaceAligner aligner = new FaceAligner(FaceTemplate.fromMeanShape(predictor.meanShape(), 256));
        CascadeClassifier eyes = new CascadeClassifier(Loader.cacheResource(
                "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_eye.xml").getAbsolutePath());
        try (FaceLocator locator = new FaceLocator(CascadeFaceDetector.haar(), predictor, eyes)) {
            facesA = faces(locator, aligner, TestMedia.clip("grid_man-denim-shirt_bbaf2n.mp4"));
            facesB = faces(locator, aligner, TestMedia.clip("grid_woman-long-hair_brbk7n.mp4"));
        }
    }

    @AfterAll
    static void release() {
        for (List<Mat[]> set : List.of(facesA, facesB)) {
            set.forEach(pair -> {
                pair[0].close();
                pair[1].close();
            });
        }
    }

    @Test
    void pixelShuffleMovesChannelsToPixelsLikePyTorch() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // 1 image, 2·4 channels of 1×2 pixels, numbered 0..15.
            NDArray x = m.arange(16f).reshape(1, 8, 1, 2);
            NDArray y = AutoencoderBlocks.pixelShuffle(x, 2);
            assertThat(y.getShape()).isEqualTo(new Shape(1, 2, 2, 4));
            // out[c][h·2+i][w·2+j] = in[c·4 + i·2 + j][h][w]
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        for (int w = 0; w < 2; w++) {
                            float expected = x.getFloat(0, c * 4 + i * 2 + j, 0, w);
                            assertThat(y.getFloat(0, c, i, w * 2 + j)).isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyPresetMapsFacesToFacesOfTheSameSize() throws Exception {
        for (String name : new String[] { "tiny", "lite" }) {
            Preset preset = Preset.read(PRESETS.resolve(name + ".json"));
            try (AutoencoderTrainer trainer = new AutoencoderTrainer(preset, Device.cpu());
                    NDManager m = trainer.manager().newSubManager()) {
                int s = preset.inputSize();
                NDArray faces = m.randomUniform(0, 1, new Shape(2, 3, s, s));
                NDArray out = trainer.network().render(new ai.djl.training.ParameterStore(m, false), faces, false);
                assertThat(out.getShape()).isEqualTo(new Shape(2, 3, s, s));
                assertThat(out.min().getFloat()).isGreaterThanOrEqualTo(0f);
                assertThat(out.max().getFloat()).isLessThanOrEqualTo(1f);
            }
        }
    }

    @Test
    void tinyLossHalvesWithin300Iterations() throws Exception {
        Preset tiny = Preset.read(PRESETS.resolve("tiny.json"));
        List<Float> losses = new ArrayList<>();
        long started = System.nanoTime();
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(tiny, Device.cpu());
                BatchFeeder feeder = new BatchFeeder(facesA, facesB, tiny, trainer::randomFor)) {
            for (int i = 1; i <= 300; i++) {
                AutoencoderTrainer.Losses l = trainer.step(feeder.take(i));
                assertThat(l.skipped()).isFalse();
                losses.add((l.lossA() + l.lossB()) / 2);
            }
        }
        double first = losses.subList(0, 10).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double last = losses.subList(290, 300).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        System.out.printf("tiny: loss %.4f (iterations 1-10) -> %.4f (290-300), %.1f ms/iteration%n", first, last,
                (System.nanoTime() - started) / 1e6 / 300);
        assertThat(last).isLessThanOrEqualTo(first / 2);
    }

    /** The schedule and the eyes-and-mouth weights wired into a real run: it still learns, and shows the plain loss. */
    @Test
    void tinyWithAWarmUpAndWeightedEyesAndMouthStillLearns() throws Exception {
        String json = Files.readString(PRESETS.resolve("tiny.json")).replace("\"loss\": \"mae\"",
                "\"loss\": \"mae\", \"learningRate\": 2e-4, \"warmupIterations\": 40, \"featureWeight\": 3")
                .replace("\"learningRate\": 5e-5,", "");
        Preset weighted = Preset.read(json.getBytes(), "tiny, weighted");
        assertThat(weighted.featureWeight()).isEqualTo(3);
        List<Float> losses = new ArrayList<>();
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(weighted, Device.cpu(), 5);
                BatchFeeder feeder = new BatchFeeder(facesA, facesB, weighted, trainer::randomFor)) {
            for (int i = 1; i <= 150; i++) {
                AutoencoderTrainer.Losses l = trainer.step(feeder.take(i));
                assertThat(l.skipped()).isFalse();
                losses.add((l.lossA() + l.lossB()) / 2);
            }
        }
        double first = losses.subList(0, 10).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double last = losses.subList(140, 150).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        // The plain masked MAE of 0–1 images: a weighted loss would read up to three times higher.
        assertThat(first).isLessThan(1);
        assertThat(last).isLessThanOrEqualTo(first * 0.6);
    }

    /**
     * A preset's warp schedule: without a count every iteration warps its input (every shipped preset but lite);
     * with N, the first N do and the rest train on the target itself; with 0, none do.
     */
    @Test
    void theInputIsWarpedForThePresetsWarpIterationsOnly() throws Exception {
        String json = Files.readString(PRESETS.resolve("tiny.json"));
        Preset always = Preset.read(json.getBytes(), "tiny");
        Preset first = Preset.read(json.replace("\"loss\": \"mae\"", "\"loss\": \"mae\", \"warpIterations\": 2")
                .getBytes(), "tiny, warp for 2");
        Preset never = Preset.read(json.replace("\"loss\": \"mae\"", "\"loss\": \"mae\", \"warpIterations\": 0")
                .getBytes(), "tiny, no warp");
        try (BatchFeeder a = feeder(always); BatchFeeder f = feeder(first); BatchFeeder n = feeder(never)) {
            for (long iteration : new long[] { 1, 3 }) {
                assertThat(warpedBy(a, iteration)).as("always, iteration %d", iteration).isGreaterThan(0.005);
                assertThat(warpedBy(n, iteration)).as("never, iteration %d", iteration).isZero();
            }
            assertThat(warpedBy(f, 2)).as("first 2, iteration 2").isGreaterThan(0.005);
            assertThat(warpedBy(f, 3)).as("first 2, iteration 3").isZero();
        }
        assertThatThrownBy(() -> Preset.read(json.replace("\"loss\": \"mae\"", "\"loss\": \"mae\", "
                + "\"warpIterations\": -1").getBytes(), "bad")).hasMessageContaining("non-positive");
    }

    private static BatchFeeder feeder(Preset preset) {
        return new BatchFeeder(facesA, facesB, preset, i -> new java.util.SplittableRandom(i));
    }

    /** Mean absolute difference of input and target over both sides' batches of {@code iteration}. */
    private static double warpedBy(BatchFeeder feeder, long iteration) {
        BatchFeeder.Batches batches = feeder.prepare(iteration);
        return (meanAbsoluteDifference(batches.a()[0], batches.a()[1])
                + meanAbsoluteDifference(batches.b()[0], batches.b()[1])) / 2;
    }

    private static double meanAbsoluteDifference(float[] x, float[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(x[i] - y[i]);
        }
        return sum / x.length;
    }

    @Test
    void dssimPlusMseIsZeroForAPerfectReconstructionAndGrowsWithError() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray target = m.randomUniform(0, 1, new Shape(2, 3, 32, 32));
            NDArray mask = m.ones(new Shape(2, 1, 32, 32));
            float perfect = AutoencoderTrainer.maskedDssimMse(target, target, mask).getFloat();
            float noisy = AutoencoderTrainer.maskedDssimMse(target.add(m.randomNormal(0, 0.1f, target.getShape(),
                    ai.djl.ndarray.types.DataType.FLOAT32)), target, mask).getFloat();
            float blurred = AutoencoderTrainer.maskedDssimMse(m.full(target.getShape(), 0.5f), target, mask).getFloat();
            assertThat(perfect).isLessThan(1e-4f);
            assertThat(noisy).isGreaterThan(perfect);
            assertThat(blurred).isGreaterThan(noisy);
        }
    }

    @Test
    void aStepWhoseLossIsNotANumberIsSkipped() throws Exception {
        Preset tiny = Preset.read(PRESETS.resolve("tiny.json"));
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(tiny, Device.cpu());
                BatchFeeder feeder = new BatchFeeder(facesA, facesB, tiny, trainer::randomFor)) {
            BatchFeeder.Batches sound = feeder.prepare(1);
            float[][] poisoned = sound.a().clone();
            poisoned[1] = poisoned[1].clone();
            poisoned[1][0] = Float.NaN;
            poisoned[2] = new float[poisoned[2].length];
            java.util.Arrays.fill(poisoned[2], 1f);
            AutoencoderTrainer.Losses bad = trainer.step(new BatchFeeder.Batches(1, poisoned, sound.b()));
            assertThat(bad.skipped()).isTrue();
            assertThat(trainer.skipped()).isEqualTo(1);
            // The weights were not touched: the next, sound step is finite and training goes on.
            AutoencoderTrainer.Losses good = trainer.step(sound);
            assertThat(good.skipped()).isFalse();
            assertThat(Float.isFinite(good.lossA())).isTrue();
        }
    }

    @Test
    void resumingFromACheckpointRestoresEverythingAndTheCurveGoesOnWithoutAJump() throws Exception {
        Preset tiny = Preset.read(PRESETS.resolve("tiny.json"));
        byte[] checkpoint;
        List<float[]> saved = new ArrayList<>();
        List<Float> original = new ArrayList<>();
        try (AutoencoderTrainer first = new AutoencoderTrainer(tiny, Device.cpu(), 7)) {
            run(first, 20, null);
            checkpoint = Checkpoint.toBytes(first);
            for (var p : first.network().getParameters()) {
                saved.add(p.getValue().getArray().toFloatArray());
            }
            run(first, 10, original);
        }
        List<Float> resumed = new ArrayList<>();
        try (AutoencoderTrainer second = new AutoencoderTrainer(tiny, Device.cpu(), 12345)) {
            Checkpoint.fromBytes(second, checkpoint);
            assertThat(second.iteration()).isEqualTo(20);
            assertThat(second.seed()).isEqualTo(7);
            int i = 0;
            for (var p : second.network().getParameters()) {
                assertThat(p.getValue().getArray().toFloatArray()).as(p.getKey()).isEqualTo(saved.get(i++));
            }
            run(second, 10, resumed);
            assertThat(second.iteration()).isEqualTo(30);
        }
        // Same weights, same optimizer state, same batches: the same losses, not a restart of the curve.
        for (int i = 0; i < original.size(); i++) {
            assertThat(resumed.get(i)).as("iteration " + (21 + i)).isCloseTo(original.get(i),
                    org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    /**
     * The swap's model: the checkpoint's weights in a network with no optimiser and no gradients, rendering
     * exactly what the trainer that wrote the checkpoint renders.
     */
    @Test
    void aTrainedModelRendersWhatItsTrainerRendersWithoutTrainingState() throws Exception {
        Preset tiny = Preset.read(PRESETS.resolve("tiny.json"));
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(tiny, Device.cpu(), 3)) {
            run(trainer, 15, null);
            byte[] checkpoint = Checkpoint.toBytes(trainer);
            List<Mat> faces = new ArrayList<>();
            for (Mat[] face : facesA.subList(0, 4)) {
                Mat small = new Mat();
                org.bytedeco.opencv.global.opencv_imgproc.resize(face[0], small,
                        new org.bytedeco.opencv.opencv_core.Size(tiny.inputSize(), tiny.inputSize()));
                faces.add(small);
            }
            var fromTrainer = new dev.doppel.swap.ModelRenderer(trainer.network(), trainer.manager(), false);
            try (TrainedModel model = TrainedModel.load(tiny, Device.cpu(),
                    new java.io.ByteArrayInputStream(checkpoint))) {
                assertThat(model.iteration()).isEqualTo(15);
                for (var p : model.network().getParameters()) {
                    assertThat(p.getValue().getArray().hasGradient()).as(p.getKey()).isFalse();
                }
                var fromModel = new dev.doppel.swap.ModelRenderer(model.network(), model.manager(), false);
                List<Mat> expected = fromTrainer.render(faces);
                List<Mat> actual = fromModel.render(faces);
                assertThat(actual).hasSameSizeAs(faces);
                for (int i = 0; i < faces.size(); i++) {
                    double worst = org.bytedeco.opencv.global.opencv_core.norm(expected.get(i), actual.get(i),
                            org.bytedeco.opencv.global.opencv_core.NORM_INF, new Mat());
                    assertThat(worst).as("face " + i).isLessThanOrEqualTo(1.0);
                }
            }
            // A checkpoint of another preset is refused, not loaded into the wrong shapes.
            Preset lite = Preset.read(PRESETS.resolve("lite.json"));
            assertThatThrownBy(() -> TrainedModel.load(lite, Device.cpu(), new java.io.ByteArrayInputStream(checkpoint)))
                    .hasMessageContaining("preset tiny");
        }
    }

    /** {@code steps} iterations on the batches the feeder draws for them (a function of seed and iteration). */
    private static void run(AutoencoderTrainer trainer, int steps, List<Float> losses) {
        try (BatchFeeder feeder = new BatchFeeder(facesA, facesB, trainer.preset(), trainer::randomFor)) {
            for (int i = 0; i < steps; i++) {
                AutoencoderTrainer.Losses l = trainer.step(feeder.prepare(trainer.iteration() + 1));
                if (losses != null) {
                    losses.add((l.lossA() + l.lossB()) / 2);
                }
            }
        }
    }

    /** Every third frame's face, aligned at 256 and scaled to the tiny preset's 32 px, with its mask. */
    private static List<Mat[]> faces(FaceLocator locator, FaceAligner aligner, Path clip) throws Exception {
        List<Mat[]> out = new ArrayList<>();
        try (var grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(clip.toFile());
                var converter = new org.bytedeco.javacv.OpenCVFrameConverter.ToMat()) {
            grabber.start();
            org.bytedeco.javacv.Frame frame;
            int index = 0;
            while ((frame = grabber.grabImage()) != null) {
                if (index++ % 3 != 0) {
                    continue;
                }
                Mat image = converter.convert(frame);
                for (LocatedFace f : locator.locate(image, 40, 1)) {
                    try (AlignedFace aligned = aligner.alignOnLandmarks(image, f.landmarks());
                            Mat mask = FaceMask.of(aligned.landmarks(), 256)) {
                        Mat small = new Mat();
                        Mat smallMask = new Mat();
                        opencv_imgproc.resize(aligned.crop(), small, new Size(32, 32), 0, 0, opencv_imgproc.INTER_AREA);
                        opencv_imgproc.resize(mask, smallMask, new Size(32, 32), 0, 0, opencv_imgproc.INTER_AREA);
                        out.add(new Mat[] { small, smallMask });
                    }
                }
            }
        }
        return out;
    }
}
