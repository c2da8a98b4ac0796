package dev.doppel.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.TestMedia;

/** The probe on its own, against the real clips and the real decoder. */
@Tag("no-database")
class VideoProbeTests {

    private final VideoProbe probe = new VideoProbe(ProbeProcess.withDefaults());

    @TempDir
    Path tmp;

    @Test
    void gridClipsProbeToTheirTrueValues() throws Exception {
        for (Path clip : TestMedia.gridClips()) {
            ProbeResult r = probe.probe(clip);
            assertThat(r.width()).as(clip.toString()).isEqualTo(360);
            assertThat(r.height()).as(clip.toString()).isEqualTo(288);
            assertThat(r.fps()).as(clip.toString()).isCloseTo(25.0, within(0.01));
            assertThat(r.frameCount()).as(clip.toString()).isEqualTo(75);
            assertThat(r.durationSeconds()).as(clip.toString()).isCloseTo(3.0, within(0.05));
            assertThat(r.hasAudio()).as(clip.toString()).isTrue();
            assertThat(r.videoCodec()).isEqualTo("h264");
        }
    }

    @Test
    void otherClipsProbeToTheirTrueValues() throws Exception {
        ProbeResult openmpf = probe.probe(TestMedia.clip("ccby_woman-smiling-group_openmpf-video_01.mp4"));
        assertThat(openmpf.width()).isEqualTo(640);
        assertThat(openmpf.height()).isEqualTo(480);
        assertThat(openmpf.fps()).isCloseTo(29.97, within(0.01));
        assertThat(openmpf.durationSeconds()).isCloseTo(3.04, within(0.05));
        assertThat(openmpf.hasAudio()).isTrue();

        ProbeResult tos = probe.probe(TestMedia.clip("tos_scientist-glasses_5s.mp4"));
        assertThat(tos.width()).isEqualTo(640);
        assertThat(tos.height()).isEqualTo(360);
        assertThat(tos.fps()).isCloseTo(24.0, within(0.01));
        assertThat(tos.durationSeconds()).isCloseTo(4.9, within(0.1));
        assertThat(tos.hasAudio()).isFalse();

        ProbeResult concat = probe.probe(TestMedia.clip("grid_s2-man-grey-hair_concat6s.mp4"));
        assertThat(concat.frameCount()).isEqualTo(150);
        assertThat(concat.durationSeconds()).isCloseTo(6.0, within(0.05));
    }

    @Test
    void syntheticVideoProbesToWhatWasWritten() throws Exception {
        Path clip = TestMedia.syntheticVideo(tmp, 320, 240, 30, 15);
        ProbeResult r = probe.probe(clip);
        assertThat(r.width()).isEqualTo(320);
        assertThat(r.height()).isEqualTo(240);
        assertThat(r.frameCount()).isEqualTo(30);
        assertThat(r.fps()).isCloseTo(15.0, within(0.01));
        assertThat(r.durationSeconds()).isCloseTo(2.0, within(0.1));
        assertThat(r.hasAudio()).isFalse();
    }

    @Test
    void rejectsWhatIsNotAVideo() throws Exception {
        Path png = tmp.resolve("photo.mp4");
        Files.copy(TestMedia.clip("nasa_astronaut-eileen-collins.png"), png);
        assertThatThrownBy(() -> probe.probe(png)).isInstanceOf(RejectedMediaException.class);

        Path text = tmp.resolve("notes.mp4");
        Files.writeString(text, "These are my notes, not a video.\n".repeat(200));
        assertThatThrownBy(() -> probe.probe(text)).isInstanceOf(RejectedMediaException.class);

        Path random = tmp.resolve("random.mp4");
        byte[] bytes = new byte[200_000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(random, bytes);
        assertThatThrownBy(() -> probe.probe(random)).isInstanceOf(RejectedMediaException.class);

        Path audio = TestMedia.audioOnly(tmp);
        assertThatThrownBy(() -> probe.probe(audio)).isInstanceOf(RejectedMediaException.class)
                .hasMessageContaining("no picture");

        for (Path clip : TestMedia.gridClips()) {
            Path half = TestMedia.truncated(tmp, clip);
            assertThatThrownBy(() -> probe.probe(half)).as(clip.toString())
                    .isInstanceOf(RejectedMediaException.class);
        }
    }

    /**
     * A probe that cannot start (here a missing file; on a machine without libva2 it was the bundled ffprobe's
     * libraries) is the server's fault: it must not tell the user that their video is not a video.
     */
    @Test
    void aProbeThatCannotRunIsNotBlamedOnTheFile() throws Exception {
        VideoProbe broken = new VideoProbe(new ProbeProcess(java.util.Optional.of(tmp.resolve("no-ffprobe").toString()),
                java.time.Duration.ofSeconds(10), 1L << 30));
        Path clip = TestMedia.gridClips().get(0);
        assertThatThrownBy(() -> broken.probe(clip)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot run");
    }
}
