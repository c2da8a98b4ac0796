package dev.doppel.support;

import java.nio.file.Path;

import io.restassured.response.Response;

/** Uploads through the real multipart endpoint, the way the browser sends them. */
public final class Uploads {

    private Uploads() {
    }

    public static Response upload(Accounts.Session session, Path file, String fileName, boolean consent) {
        var spec = session.request().multiPart("file", file.toFile(), "video/mp4");
        if (fileName != null) {
            spec = session.request().multiPart(new io.restassured.builder.MultiPartSpecBuilder(file.toFile())
                    .controlName("file").fileName(fileName).mimeType("video/mp4").build());
        }
        if (consent) {
            spec = spec.multiPart("consent", "true");
        }
        return spec.post("/api/videos");
    }

    /**
     * A multipart body built byte by byte the way browsers send it: the file name in raw UTF-8 inside the
     * Content-Disposition header (RestAssured would squash it to ISO-8859-1).
     */
    public static java.net.http.HttpResponse<String> uploadAsBrowser(java.net.URI base, Accounts.Session session,
            Path file, String fileName) throws Exception {
        String boundary = "----doppel" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"consent\"\r\n\r\ntrue\r\n")
                .getBytes(utf8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(utf8));
        body.write(java.nio.file.Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        var request = java.net.http.HttpRequest.newBuilder(base.resolve("/api/videos"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", session.cookieHeader())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString(utf8));
    }

    public static Response upload(Accounts.Session session, Path file) {
        return upload(session, file, null, true);
    }

    /** Uploads, waits for its jobs (thumbnail, face extraction), and returns the new video's id. */
    public static String uploaded(Accounts.Session session, Path file) {
        String id = upload(session, file).then().statusCode(201).extract().path("id");
        awaitJobs(session);
        return id;
    }

    /**
     * Uploads a clip of person A, then one of person B, waits for their faces, and returns the two face sets'
     * ids as {A, B} (the list is newest first).
     */
    public static String[] twoFaceSets(Accounts.Session session, String clipA, String clipB) {
        uploaded(session, TestMedia.clip(clipA));
        uploaded(session, TestMedia.clip(clipB));
        java.util.List<String> ids = session.request().get("/api/facesets").then().extract().jsonPath().getList("id");
        return new String[] { ids.get(1), ids.get(0) };
    }

    /** Waits until none of the session's jobs is queued or running. */
    public static void awaitJobs(Accounts.Session session) {
        try {
            Await.until(java.time.Duration.ofSeconds(60), () -> session.request().get("/api/jobs").then()
                    .extract().jsonPath().getList("status", String.class).stream()
                    .allMatch(s -> !s.equals("QUEUED") && !s.equals("RUNNING")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void awaitThumbnail(Accounts.Session session, String id) {
        try {
            Await.until(java.time.Duration.ofSeconds(30), () -> Boolean.TRUE
                    .equals(session.request().get("/api/videos/" + id).then().extract().path("thumbnailReady")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
