package dev.doppel.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
        Augmenter augmenter = new Augmenter(tiny.inputSize());
        SplittableRandom random = new SplittableRandom(11);
        List<Float> losses = new ArrayList<>();
        long started = System.nanoTime();
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(tiny, Device.cpu())) {
            for (int i = 0; i < 300; i++) {
                try (NDManager batch = trainer.manager().newSubManager()) {
                    NDArray[] a = batch(batch, facesA, augmenter, random, tiny);
                    NDArray[] b = batch(batch, facesB, augmenter, random, tiny);
                    AutoencoderTrainer.Losses l = trainer.step(a[0], a[1], a[2], b[0], b[1], b[2]);
                    assertThat(l.skipped()).isFalse();
                    losses.add((l.lossA() + l.lossB()) / 2);
                }
            }
        }
        double first = losses.subList(0, 10).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double last = losses.subList(290, 300).stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        System.out.printf("tiny: loss %.4f (iterations 1-10) -> %.4f (290-300), %.1f ms/iteration%n", first, last,
                (System.nanoTime() - started) / 1e6 / 300);
        assertThat(last).isLessThanOrEqualTo(first / 2);
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
        Augmenter augmenter = new Augmenter(tiny.inputSize());
        SplittableRandom random = new SplittableRandom(3);
        try (AutoencoderTrainer trainer = new AutoencoderTrainer(tiny, Device.cpu());
                NDManager batch = trainer.manager().newSubManager()) {
            NDArray[] a = batch(batch, facesA, augmenter, random, tiny);
            NDArray[] b = batch(batch, facesB, augmenter, random, tiny);
            NDArray poisoned = a[1].duplicate();
            poisoned.set(new ai.djl.ndarray.index.NDIndex("0, 0, 0, 0"), Float.NaN);
            AutoencoderTrainer.Losses bad = trainer.step(a[0], poisoned, batch.ones(a[2].getShape()), b[0], b[1], b[2]);
            assertThat(bad.skipped()).isTrue();
            assertThat(trainer.skipped()).isEqualTo(1);
            // The weights were not touched: the next, sound step is finite and training goes on.
            AutoencoderTrainer.Losses good = trainer.step(a[0], a[1], a[2], b[0], b[1], b[2]);
            assertThat(good.skipped()).isFalse();
            assertThat(Float.isFinite(good.lossA())).isTrue();
        }
    }

    @Test
    void resumingFromACheckpointRestoresEverythingAndTheCurveGoesOnWithoutAJump() throws Exception {
        Preset tiny = Preset.read(PRESETS.resolve("tiny.json"));
        Augmenter augmenter = new Augmenter(tiny.inputSize());
        byte[] checkpoint;
        List<float[]> saved = new ArrayList<>();
        List<Float> original = new ArrayList<>();
        try (AutoencoderTrainer first = new AutoencoderTrainer(tiny, Device.cpu(), 7)) {
            run(first, augmenter, 20, null);
            checkpoint = Checkpoint.toBytes(first);
            for (var p : first.network().getParameters()) {
                saved.add(p.getValue().getArray().toFloatArray());
            }
            run(first, augmenter, 10, original);
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
            run(second, augmenter, 10, resumed);
            assertThat(second.iteration()).isEqualTo(30);
        }
        // Same weights, same optimizer state, same batches: the same losses, not a restart of the curve.
        for (int i = 0; i < original.size(); i++) {
            assertThat(resumed.get(i)).as("iteration " + (21 + i)).isCloseTo(original.get(i),
                    org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    private static void run(AutoencoderTrainer trainer, Augmenter augmenter, int steps, List<Float> losses) {
        for (int i = 0; i < steps; i++) {
            SplittableRandom random = trainer.randomFor(trainer.iteration() + 1);
            try (NDManager batch = trainer.manager().newSubManager()) {
                NDArray[] a = batch(batch, facesA, augmenter, random, trainer.preset());
                NDArray[] b = batch(batch, facesB, augmenter, random, trainer.preset());
                AutoencoderTrainer.Losses l = trainer.step(a[0], a[1], a[2], b[0], b[1], b[2]);
                if (losses != null) {
                    losses.add((l.lossA() + l.lossB()) / 2);
                }
            }
        }
    }

    /** A batch of one side: inputs, targets (N, 3, S, S) and masks (N, 1, S, S). */
    private static NDArray[] batch(NDManager m, List<Mat[]> faces, Augmenter augmenter, SplittableRandom random,
            Preset preset) {
        int n = preset.batchSize();
        int s = preset.inputSize();
        float[] inputs = new float[n * 3 * s * s];
        float[] targets = new float[n * 3 * s * s];
        float[] masks = new float[n * s * s];
        for (int i = 0; i < n; i++) {
            Mat[] face = faces.get(random.nextInt(faces.size()));
            Augmenter.Sample sample = augmenter.augment(face[0], face[1], random);
            System.arraycopy(sample.input(), 0, inputs, i * 3 * s * s, 3 * s * s);
            System.arraycopy(sample.target(), 0, targets, i * 3 * s * s, 3 * s * s);
            System.arraycopy(sample.mask(), 0, masks, i * s * s, s * s);
        }
        return new NDArray[] { m.create(inputs, new Shape(n, 3, s, s)), m.create(targets, new Shape(n, 3, s, s)),
                m.create(masks, new Shape(n, 1, s, s)) };
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
