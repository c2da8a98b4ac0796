package dev.doppel.swap.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.doppel.faces.align.FaceCrops;
import dev.doppel.faces.verify.AlignedCrops;
import dev.doppel.support.TestMedia;

/**
 * The identity figure on real faces of GRID speakers, with synthetic stand-ins for swaps: the target's own
 * unseen faces pass, the source's faces and a blurred copy of them do not (a smear cannot pass as the target, the
 * failure the old two-way vote had), a swap too soft for even the target's own faces to pass is "not measurable"
 * rather than 0 %, and so are two clips of the same man given as two people.
 */
@Tag("no-database")
class IdentityFiguresTests {

    private static List<Mat> woman;
    private static List<Mat> man;
    private static List<Mat> greyHairA;
    private static List<Mat> greyHairB;

    @BeforeAll
    static void faces() throws Exception {
        try (AlignedCrops crops = new AlignedCrops()) {
            woman = grey(crops, "grid_woman-green-top_lrwp9a.mp4");
            man = grey(crops, "grid_man-glasses_lbax4n.mp4");
            greyHairA = grey(crops, "grid_s2-man-grey-hair_a_swwp2s.mp4");
            greyHairB = grey(crops, "grid_s2-man-grey-hair_b_pwij3p.mp4");
        }
    }

    @AfterAll
    static void close() {
        for (List<Mat> faces : List.of(woman, man, greyHairA, greyHairB)) {
            faces.forEach(Mat::close);
        }
    }

    @Test
    void theTargetsOwnUnseenFacesPassAndTheSourceAndItsBlurDoNot() {
        List<Mat> training = woman.subList(0, woman.size() * 3 / 5);
        List<Mat> heldOut = woman.subList(woman.size() * 3 / 5, woman.size());
        // "Swapped" faces that are really the source, a little blurred: a failed swap still sharp enough to judge.
        List<Mat> smear = Sharpness.blurredAll(man, 1);
        try {
            QualityReport.Identity identity = IdentityFigures.measure("B", training, heldOut, man, smear);

            assertThat(identity.measurable()).as(identity.reason()).isTrue();
            assertThat(identity.ceiling()).as("the target's own unseen faces").isGreaterThanOrEqualTo(0.7);
            assertThat(identity.sourceAsTarget()).as("the source's faces").isLessThanOrEqualTo(0.1);
            assertThat(identity.blurredSourceAsTarget()).as("the source blurred to the swap's sharpness")
                    .isLessThanOrEqualTo(0.1);
            assertThat(identity.blurSigma()).as("the source was blurred to match").isBetween(0.7, 1.3);
            assertThat(identity.blurredTargetAsTarget()).as("the target blurred to the swap's sharpness")
                    .isGreaterThanOrEqualTo(IdentityFigures.MIN_SOFT_CEILING);
            assertThat(identity.swappedAsTarget()).as("a blurred source as the swap").isLessThanOrEqualTo(0.1);
            assertThat(identity.swappedFaces()).isEqualTo(smear.size());
        } finally {
            smear.forEach(Mat::close);
        }
    }

    @Test
    void aSwapTooSoftForEvenTheTargetsOwnFacesToPassIsNotMeasurable() {
        List<Mat> training = woman.subList(0, woman.size() * 3 / 5);
        List<Mat> heldOut = woman.subList(woman.size() * 3 / 5, woman.size());
        // As soft as a 15-minute lite swap looks: the target's own faces that soft no longer pass either, so a
        // 0 % would blame the identity for what is the blur.
        List<Mat> smear = Sharpness.blurredAll(man, 3);
        try {
            QualityReport.Identity identity = IdentityFigures.measure("B", training, heldOut, man, smear);

            assertThat(identity.measurable()).isFalse();
            assertThat(identity.reason()).contains("too soft to judge");
            assertThat(identity.blurredTargetAsTarget()).isLessThan(IdentityFigures.MIN_SOFT_CEILING);
            assertThat(identity.ceiling()).as("sharp, the target's faces still pass").isGreaterThanOrEqualTo(0.7);
            assertThat(identity.swappedAsTarget()).isLessThanOrEqualTo(0.1);
        } finally {
            smear.forEach(Mat::close);
        }
    }

    @Test
    void aSwapsGrainAndTheFramesOwnEdgesDoNotReadAsSharpness() {
        // What a soft swap's crop holds: a blurred centre (the rendered face) with colour-matching grain on it,
        // inside the frame's own jaw line and background, which stay sharp.
        List<Mat> swapLike = new ArrayList<>();
        List<Mat> mildBlur = Sharpness.blurredAll(man, 1.5);
        Random random = new Random(7);
        try {
            for (Mat face : man) {
                Mat crop = face.clone();
                int border = face.cols() / 5;
                try (Mat soft = Sharpness.blurred(face, 3); UByteIndexer out = crop.createIndexer();
                        UByteIndexer in = soft.createIndexer()) {
                    for (int y = border; y < face.rows() - border; y++) {
                        for (int x = border; x < face.cols() - border; x++) {
                            double grain = random.nextGaussian() * 6;
                            out.put(y, x, (int) Math.max(0, Math.min(255, Math.round(in.get(y, x) + grain))));
                        }
                    }
                }
                swapLike.add(crop);
            }
            assertThat(Sharpness.mean(swapLike)).as("softer than the whole face blurred by 1.5")
                    .isLessThan(Sharpness.mean(mildBlur));
        } finally {
            swapLike.forEach(Mat::close);
            mildBlur.forEach(Mat::close);
        }
    }

    @Test
    void aSwapThatLooksLikeTheTargetPasses() {
        List<Mat> training = woman.subList(0, woman.size() / 2);
        List<Mat> heldOut = woman.subList(woman.size() / 2, woman.size() * 4 / 5);
        // Frames of the target the recogniser never saw stand in for a perfect swap.
        List<Mat> perfect = woman.subList(woman.size() * 4 / 5, woman.size());

        QualityReport.Identity identity = IdentityFigures.measure("B", training, heldOut, man, perfect);

        assertThat(identity.swappedAsTarget()).isGreaterThanOrEqualTo(0.6);
        assertThat(identity.blurredSourceAsTarget()).isLessThanOrEqualTo(0.1);
    }

    @Test
    void twoSetsOfOnePersonAreNotMeasurable() {
        List<Mat> training = greyHairA.subList(0, greyHairA.size() * 3 / 5);
        List<Mat> heldOut = greyHairA.subList(greyHairA.size() * 3 / 5, greyHairA.size());

        QualityReport.Identity identity = IdentityFigures.measure("A", training, heldOut, greyHairB, greyHairB);

        assertThat(identity.measurable()).isFalse();
        assertThat(identity.sourceAsTarget()).isGreaterThan(IdentityFigures.MAX_SOURCE_PASSING);
        assertThat(identity.reason()).contains("cannot tell the two people apart");
    }

    @Test
    void tooFewHeldOutFacesAreNotMeasurable() {
        QualityReport.Identity identity = IdentityFigures.measure("A", woman.subList(0, 20), woman.subList(20, 23),
                man, man);

        assertThat(identity.measurable()).isFalse();
        assertThat(identity.reason()).contains("Too few faces");
    }

    @Test
    void blurringMakesFacesAsSoftAsAsked() {
        double target = Sharpness.mean(man) / 4;
        double sigma = Sharpness.sigmaToMatch(man, target);
        List<Mat> soft = Sharpness.blurredAll(man, sigma);
        try {
            assertThat(Sharpness.mean(soft)).isCloseTo(target, org.assertj.core.data.Percentage.withPercentage(10));
            assertThat(Sharpness.sigmaToMatch(soft, Sharpness.mean(man))).as("already softer").isZero();
        } finally {
            soft.forEach(Mat::close);
        }
    }

    private static List<Mat> grey(AlignedCrops crops, String clip) throws Exception {
        List<Mat> out = new ArrayList<>();
        for (AlignedCrops.Crop crop : crops.fromClip(TestMedia.clip(clip), 1)) {
            out.add(FaceCrops.ofAligned(crop.image()));
            crop.image().close();
        }
        return out;
    }
}
