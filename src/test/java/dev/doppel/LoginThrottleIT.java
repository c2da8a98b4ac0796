package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.AppProcess;

/**
 * Failed sign-ins are counted in the database: two web nodes share the count, so a guesser gets the limit once,
 * not once per node, and a restarted node still refuses.
 */
class LoginThrottleIT {

    @TempDir
    Path tmp;

    @Test
    void theSixthFailureIsRefusedOnEitherNodeAndAfterARestart() throws Exception {
        try (AppProcess.Cluster cluster = AppProcess.Cluster.withDatabaseServer(
                Files.createDirectories(tmp.resolve("database")), Map.of())) {
            Path data1 = Files.createDirectories(tmp.resolve("web-1"));
            Path data2 = Files.createDirectories(tmp.resolve("web-2"));
            AppProcess web1 = AppProcess.start(cluster, "web", data1);
            AppProcess web2 = null;
            try {
                web1.awaitReady(Duration.ofSeconds(120));
                web2 = AppProcess.start(cluster, "web", data2);
                web2.awaitReady(Duration.ofSeconds(120));
                String email = "guessed-" + UUID.randomUUID() + "@example.test";
                web1.signUp(email, "correct horse battery");
                List<AppProcess> nodes = List.of(web1, web2);
                for (int i = 0; i < 5; i++) {
                    assertThat(nodes.get(i % 2).signIn(email, "guess " + i).statusCode()).as("guess %d", i).isEqualTo(401);
                }
                for (AppProcess node : nodes) {
                    var refused = node.signIn(email, "guess 6");
                    assertThat(refused.statusCode()).isEqualTo(429);
                    assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
                }
                // Even the right password waits: the count is the account's, whichever node is asked.
                assertThat(web2.signIn(email, "correct horse battery").statusCode()).isEqualTo(429);
                web2.terminate(Duration.ofSeconds(30));
                web2 = AppProcess.start(cluster, "web", data2);
                web2.awaitReady(Duration.ofSeconds(120));
                assertThat(web2.signIn(email, "guess 7").statusCode()).as("after a restart").isEqualTo(429);
            } catch (AssertionError e) {
                // What the nodes said, for the failure report.
                System.out.println("web-1 log:\n" + web1.log());
                throw e;
            } finally {
                web1.close();
                if (web2 != null) {
                    web2.close();
                }
            }
        }
    }
}
