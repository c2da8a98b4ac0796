package dev.doppel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.doppel.support.AppProcess;

/**
 * Two web nodes on one database, each with its own disk, as behind a load balancer without sticky sessions:
 * sessions ended on one node are refused by the other on the next request, and failed sign-ins are counted
 * once for both (and survive a restart).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoWebNodesIT {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path tmp;
    private AppProcess.Cluster cluster;
    private AppProcess web1;
    private AppProcess web2;

    @BeforeAll
    void startTwoWebNodes() throws Exception {
        // One session key for both nodes, as a deployment gives every web node (docker/README.md).
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        cluster = AppProcess.Cluster.withDatabaseServer(Files.createDirectories(tmp.resolve("database")),
                Map.of("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(key)));
        web1 = AppProcess.start(cluster, "web", Files.createDirectories(tmp.resolve("web-1")));
        web1.awaitReady(Duration.ofSeconds(120));
        web2 = AppProcess.start(cluster, "web", Files.createDirectories(tmp.resolve("web-2")));
        web2.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    void stop() throws Exception {
        if (web1 != null) {
            web1.close();
        }
        if (web2 != null) {
            web2.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aSessionEndedOnOneNodeIsRefusedByTheOther() throws Exception {
        try {
            String email = "devices-" + UUID.randomUUID() + "@example.test";
            String laptop = web1.signUp(email, PASSWORD);
            String phone = signIn(web2, email, PASSWORD);
            for (AppProcess node : List.of(web1, web2)) {
                assertThat(status(node, laptop)).isEqualTo(200);
                assertThat(status(node, phone)).isEqualTo(200);
            }

            // The phone changes the password through node 2: the laptop is out on node 1 and node 2.
            assertThat(web2.sendJson("PUT", "/api/me/password", "{\"currentPassword\":\"" + PASSWORD
                    + "\",\"newPassword\":\"a brand new passphrase\"}", phone).statusCode()).isEqualTo(204);
            HttpResponse<String> refused = web1.get("/api/me", laptop);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("session has ended");
            assertThat(status(web2, laptop)).isEqualTo(401);
            assertThat(status(web1, phone)).isEqualTo(200);

            // Signing out on node 1 ends the session for a copy of its cookies sent to node 2.
            String tablet = signIn(web2, email, "a brand new passphrase");
            assertThat(web1.postJson("/api/auth/logout", "{}", tablet).statusCode()).isEqualTo(204);
            assertThat(status(web2, tablet)).isEqualTo(401);

            // "Sign out everywhere" through node 1 ends a session started on node 2, and its own.
            String desktop = signIn(web2, email, "a brand new passphrase");
            assertThat(web1.sendJson("DELETE", "/api/me/sessions", "", phone).statusCode()).isEqualTo(204);
            assertThat(status(web2, desktop)).isEqualTo(401);
            assertThat(status(web2, phone)).isEqualTo(401);
            assertThat(status(web1, phone)).isEqualTo(401);
        } catch (AssertionError e) {
            System.out.println("web-1 log:\n" + web1.log() + "\nweb-2 log:\n" + web2.log());
            throw e;
        }
    }

    @Test
    @Order(2)
    void theSixthFailureIsRefusedOnEitherNodeAndAfterARestart() throws Exception {
        try {
            String email = "guessed-" + UUID.randomUUID() + "@example.test";
            web1.signUp(email, PASSWORD);
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
            assertThat(web2.signIn(email, PASSWORD).statusCode()).isEqualTo(429);
            web2.terminate(Duration.ofSeconds(30));
            web2 = AppProcess.start(cluster, "web", tmp.resolve("web-2"));
            web2.awaitReady(Duration.ofSeconds(120));
            assertThat(web2.signIn(email, "guess 7").statusCode()).as("after a restart").isEqualTo(429);
        } catch (AssertionError e) {
            System.out.println("web-1 log:\n" + web1.log());
            throw e;
        }
    }

    private static String signIn(AppProcess node, String email, String password) throws Exception {
        HttpResponse<String> login = node.signIn(email, password);
        assertThat(login.statusCode()).as("sign-in").isEqualTo(200);
        return AppProcess.cookieHeaderOf(login);
    }

    private static int status(AppProcess node, String cookie) throws Exception {
        return node.get("/api/me", cookie).statusCode();
    }
}
