package dev.doppel.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy in front of the test app that cuts one connection in the middle of the first request whose bytes
 * contain a given request line prefix (e.g. a resumable upload's PATCH), the way a flaky network would, and notes
 * the {@code Upload-Offset} of every such request it forwards.
 */
public final class CuttingProxy implements AutoCloseable {

    private static final Pattern OFFSET = Pattern.compile("(?i)\r\nUpload-Offset:\\s*(\\d+)");

    private final ServerSocket server;
    private final int targetPort;
    private final String requestLine;
    private final long cutAfterBytes;
    private final AtomicBoolean cut = new AtomicBoolean();
    private final AtomicInteger cuts = new AtomicInteger();
    private final List<Long> offsets = new CopyOnWriteArrayList<>();

    public CuttingProxy(int targetPort, String requestLine, long cutAfterBytes) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.requestLine = requestLine;
        this.cutAfterBytes = cutAfterBytes;
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections were cut (at most one). */
    public int cuts() {
        return cuts.get();
    }

    /** The Upload-Offset of each forwarded request with the request line, in order. */
    public List<Long> offsets() {
        return List.copyOf(offsets);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                start(() -> fromClient(client, upstream));
                start(() -> pump(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void fromClient(Socket client, Socket upstream) {
        byte[] buffer = new byte[16 * 1024];
        String carry = "";
        long inRequest = -1;
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                String text = carry + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                int at = text.indexOf(requestLine);
                if (at >= 0) {
                    Matcher offset = OFFSET.matcher(text.substring(at));
                    if (offset.find()) {
                        offsets.add(Long.parseLong(offset.group(1)));
                    }
                    inRequest = text.length() - at;
                } else if (inRequest >= 0) {
                    inRequest += n;
                }
                if (inRequest > cutAfterBytes && cut.compareAndSet(false, true)) {
                    // Forward this chunk, give the server a moment to take in what it was sent (it may start
                    // reading a request body only once a worker thread picks the request up), then drop the
                    // connection both ways.
                    out.write(buffer, 0, n);
                    out.flush();
                    sleep(1_000);
                    cuts.incrementAndGet();
                    client.close();
                    upstream.close();
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
                carry = text.length() > 64 ? text.substring(text.length() - 64) : text;
            }
        } catch (IOException e) {
            // Either side went away.
        } finally {
            closeQuietly(client);
            closeQuietly(upstream);
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // Either side went away.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void start(Runnable r) {
        Thread t = new Thread(r, "cutting-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
