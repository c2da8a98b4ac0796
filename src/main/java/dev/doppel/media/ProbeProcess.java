package dev.doppel.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bytedeco.javacpp.Loader;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * FFmpeg's {@code ffprobe} on an untrusted file, as a child process under a time and an address-space limit. A
 * parser fault, a hang or a memory blow-up caused by a hostile file ends that process, not the web node that serves
 * everyone: the upload is refused with a readable reason and the node carries on.
 */
@ApplicationScoped
public class ProbeProcess {

    private static final Logger LOG = Logger.getLogger(ProbeProcess.class);
    static final String UNREADABLE = "This file could not be read as a video.";
    static final String NOT_A_VIDEO = "This file is not a video we can read.";
    /** Far above any real video's packet list (10 minutes at 60 fps with sound is ~7 MB of JSON). */
    private static final int MAX_OUTPUT = 64 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Optional<String> configuredExecutable;
    private Duration timeout;
    private long maxMemoryBytes;
    private volatile String executable;

    @Inject
    ProbeProcess(MediaConfig config) {
        this(config.probe().executable(), config.probe().timeout(), config.probe().maxMemory().asLongValue());
    }

    public ProbeProcess(Optional<String> executable, Duration timeout, long maxMemoryBytes) {
        this.configuredExecutable = executable;
        this.timeout = timeout;
        this.maxMemoryBytes = maxMemoryBytes;
    }

    /** The bundled ffprobe with the default limits (one minute, 1 GiB). */
    public static ProbeProcess withDefaults() {
        return new ProbeProcess(Optional.empty(), Duration.ofSeconds(60), 1L << 30);
    }

    /** ffprobe's JSON: format, streams and every packet's timing. */
    public JsonNode probe(Path file) throws RejectedMediaException {
        List<String> command = List.of("/bin/sh", "-c", "ulimit -v \"$1\" && shift && exec \"$@\"", "probe",
                Long.toString(Math.max(1, maxMemoryBytes / 1024)), executable(),
                // One decoder thread: the address-space limit must not depend on the machine's core count.
                "-v", "error", "-hide_banner", "-threads", "1", "-of", "json",
                "-show_entries", "format=format_name,duration"
                        + ":stream=index,codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate,time_base,start_pts"
                        + ":packet=stream_index,pts,dts,duration",
                "file:" + file.toAbsolutePath());
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            libraryPath(builder);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the video probe " + executable() + ": " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readCapped(process.getInputStream(), MAX_OUTPUT));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readCapped(process.getErrorStream(), 8192));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                LOG.warnf("Video probe of %s killed after %s", file.getFileName(), timeout);
                throw new RejectedMediaException(UNREADABLE + " Reading it took longer than "
                        + timeout.toSeconds() + " s.");
            }
            byte[] stdout = out.get(10, TimeUnit.SECONDS);
            String stderr = new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip();
            int exit = process.exitValue();
            if (exit > 128) {
                // Killed by a signal: a crash, or the address-space limit reached (allocation failures abort).
                LOG.warnf("Video probe of %s died with signal %d: %s", file.getFileName(), exit - 128, stderr);
                throw new RejectedMediaException(UNREADABLE + " The reader stopped on it.");
            }
            if (stdout == null) {
                throw new RejectedMediaException(UNREADABLE + " It holds more packets than any video we accept.");
            }
            if (exit == 126 || exit == 127) {
                // The shell could not run the probe at all (missing file or shared library): our fault, not the file's.
                throw new IllegalStateException("The video probe " + executable() + " cannot run: " + stderr);
            }
            if (exit != 0) {
                if (stderr.contains("Cannot allocate memory")) {
                    throw new RejectedMediaException(UNREADABLE + " Reading it needs more memory than allowed.");
                }
                // ffprobe itself said no: the file opened as nothing it can read.
                throw new RejectedMediaException(NOT_A_VIDEO);
            }
            return JSON.readTree(stdout);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new RejectedMediaException(UNREADABLE);
        } catch (ExecutionException | TimeoutException | IOException e) {
            process.destroyForcibly();
            throw new RejectedMediaException(UNREADABLE);
        }
    }

    /** The stream's bytes, or null when there are more than {@code cap} (the rest is drained so the child exits). */
    private static byte[] readCapped(InputStream in, int cap) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            byte[] chunk = new byte[65536];
            boolean over = false;
            for (int n; (n = in.read(chunk)) >= 0;) {
                if (!over && buffer.size() + n <= cap) {
                    buffer.write(chunk, 0, n);
                } else {
                    over = true;
                }
            }
            return over && cap == MAX_OUTPUT ? null : buffer.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * The bundled ffprobe finds FFmpeg's libraries beside it through its RUNPATH, but those libraries need libva,
     * which JavaCPP also ships beside them and which they look for only on the system's path: without this, the
     * probe runs only where Debian's libva2 happens to be installed (the JVM finds them because JavaCPP preloads).
     */
    private void libraryPath(ProcessBuilder builder) {
        Path dir = Path.of(executable()).toAbsolutePath().getParent();
        if (dir != null) {
            String existing = builder.environment().get("LD_LIBRARY_PATH");
            builder.environment().put("LD_LIBRARY_PATH",
                    existing == null || existing.isEmpty() ? dir.toString() : dir + ":" + existing);
        }
    }

    private String executable() {
        String path = executable;
        if (path == null) {
            path = configuredExecutable.orElseGet(() -> Loader.load(org.bytedeco.ffmpeg.ffprobe.class));
            executable = path;
        }
        return path;
    }
}
