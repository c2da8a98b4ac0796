package dev.doppel.account;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The caller's address as the server sees it (the forwarded one when proxy forwarding is configured), written
 * the way people read addresses: IPv6 in its short form ({@code ::1}, not {@code 0:0:0:0:0:0:0:1}) and an
 * IPv4 client reaching an IPv6 socket as plain IPv4 ({@code 1.2.3.4}, not {@code ::ffff:1.2.3.4}). One client
 * then also has one spelling, which the sign-in throttle counts by.
 */
public final class ClientAddress {

    public static final String UNKNOWN = "unknown";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Only hex digits, colons and dots, starting with a hex digit or a colon: parsed without any lookup. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        if (address == null) {
            return UNKNOWN;
        }
        String host = address.hostAddress();
        return readable(host != null ? host : address.host());
    }

    /**
     * An address as people read it. Also applied when activity is shown, to rows stored before addresses were
     * written this way. Anything that is not an IP address (a host name, {@value #UNKNOWN}) is returned as it is,
     * and never looked up.
     */
    public static String readable(String address) {
        if (address == null) {
            return null;
        }
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        if (IPV4.matcher(text).matches()) {
            return text;
        }
        int percent = text.indexOf('%');
        String literal = percent < 0 ? text : text.substring(0, percent);
        String zone = percent < 0 ? "" : text.substring(percent);
        if (!IPV6.matcher(literal).matches()) {
            return address;
        }
        InetAddress parsed;
        try {
            // A literal with a colon is parsed, never resolved.
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
        // Java turns an IPv4-mapped IPv6 address (::ffff:1.2.3.4) into the IPv4 one itself.
        if (parsed instanceof Inet4Address) {
            return parsed.getHostAddress();
        }
        return shortIpv6(parsed.getAddress()) + zone;
    }

    /**
     * RFC 5952's text form: lower-case hex without leading zeros, and the longest run of two or more zero groups
     * (the first of equal runs) written as {@code ::}.
     */
    static String shortIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
