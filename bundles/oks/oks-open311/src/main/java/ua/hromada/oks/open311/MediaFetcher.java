package ua.hromada.oks.open311;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Reads the file a resident's {@code media_url} names, as carefully as a server reading an address
 * a stranger typed must: http or https only; the host's every address resolved and checked
 * ({@link MediaAddresses}) and the connection made to that checked address, so a second DNS answer
 * cannot move it elsewhere; redirects followed at most {@value #MAX_REDIRECTS} times, each checked
 * the same way; one deadline for the whole exchange; at most {@code maxBytes} read. The request is
 * HTTP/1.0 with {@code Connection: close}: the answer is the bytes up to the end of the connection,
 * never chunked.
 */
final class MediaFetcher {

    static final int MAX_REDIRECTS = 3;
    private static final int MAX_HEAD = 16 * 1024;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})( .*)?");

    /** Why a URL gave no file, in words for the log. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /** A file read: the last path segment of the URL it came from, and its bytes. */
    record Fetched(String fileName, byte[] content) {
    }

    private final MediaAddresses addresses;
    private final Duration timeout;

    MediaFetcher(MediaAddresses addresses, Duration timeout) {
        this.addresses = addresses;
        this.timeout = timeout;
    }

    /** The file at {@code url}, at most {@code maxBytes} long. */
    Fetched fetch(String url, long maxBytes) throws Refused {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = parse(url);
        for (int hop = 0;; hop++) {
            Answer a = get(uri, deadline, maxBytes);
            if (a.status() >= 300 && a.status() < 400 && a.location() != null) {
                if (hop == MAX_REDIRECTS) {
                    throw new Refused("more than " + MAX_REDIRECTS + " redirects");
                }
                try {
                    uri = parse(uri.resolve(a.location()).toString());
                } catch (IllegalArgumentException e) {
                    throw new Refused("redirect to an invalid address: " + a.location());
                }
                continue;
            }
            if (a.status() != 200) {
                throw new Refused("HTTP status " + a.status());
            }
            return new Fetched(fileName(uri), a.body());
        }
    }

    private record Answer(int status, String location, byte[] body) {
    }

    private static URI parse(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("only http and https are fetched, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new Refused("no host, or a user name in the address");
        }
        return uri;
    }

    private Answer get(URI uri, long deadline, long maxBytes) throws Refused {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        InetAddress target = checkedAddress(host);
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target, port), remaining(deadline));
            Socket socket = plain;
            if (https) {
                socket = tls(plain, host, port, deadline);
            }
            try (Socket s = socket) {
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
                String hostHeader = host.contains(":") ? "[" + host + "]" : host;
                if (uri.getPort() > 0) {
                    hostHeader += ":" + port;
                }
                OutputStream out = s.getOutputStream();
                out.write(("GET " + path + query + " HTTP/1.0\r\nHost: " + hostHeader + "\r\n"
                        + "User-Agent: Hromada-OKS-Open311\r\nAccept: image/jpeg, image/png\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return read(s, deadline, maxBytes);
            }
        } catch (SocketTimeoutException e) {
            throw new Refused("no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw new Refused("connection to " + host + ":" + port + " failed: " + e.getMessage());
        }
    }

    /** The first address of the host, once every address it resolves to is allowed. */
    private InetAddress checkedAddress(String host) throws Refused {
        InetAddress[] all;
        try {
            // an IPv6 literal in brackets: the JDK never takes it for a name to look up
            all = InetAddress.getAllByName(host.contains(":") ? "[" + host + "]" : host);
        } catch (UnknownHostException e) {
            throw new Refused("unknown host " + host);
        }
        for (InetAddress a : all) {
            if (!addresses.allows(a)) {
                throw new Refused(host + " resolves to " + a.getHostAddress()
                        + ", not a public address (media.allowedNetworks may allow it)");
            }
        }
        return all[0];
    }

    private static Socket tls(Socket plain, String host, int port, long deadline) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host of the URL
        if (!host.contains(":") && !host.matches("[0-9.]+")) {
            p.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(p);
        ssl.setSoTimeout(remaining(deadline));
        ssl.startHandshake();
        return ssl;
    }

    private static Answer read(Socket s, long deadline, long maxBytes) throws IOException, Refused {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) { // up to the blank line: \r\n\r\n
            s.setSoTimeout(remaining(deadline));
            int b = in.read();
            if (b < 0) {
                throw new Refused("the answer ended in its headers");
            }
            head.write(b);
            if (head.size() > MAX_HEAD) {
                throw new Refused("headers longer than " + MAX_HEAD + " bytes");
            }
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Matcher status = STATUS.matcher(lines[0]);
        if (!status.matches()) {
            throw new Refused("not an HTTP answer");
        }
        int code = Integer.parseInt(status.group(1));
        String location = null;
        long length = -1;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("location")) {
                location = value;
            } else if (name.equals("content-length")) {
                try {
                    length = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new Refused("a broken Content-Length");
                }
            }
        }
        if (code != 200) {
            return new Answer(code, location, new byte[0]);
        }
        if (length > maxBytes) {
            throw new Refused("the file has " + length + " bytes, more than " + maxBytes);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            s.setSoTimeout(remaining(deadline));
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            if (body.size() + n > maxBytes) {
                throw new Refused("the file is larger than " + maxBytes + " bytes");
            }
            body.write(buf, 0, n);
        }
        if (length >= 0 && body.size() != length) {
            throw new Refused("the answer ended after " + body.size() + " of " + length + " bytes");
        }
        return new Answer(code, null, body.toByteArray());
    }

    /** Milliseconds left before the deadline, at least 1 (0 would mean "no timeout" to a socket). */
    private static int remaining(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return last.isEmpty() ? "media" : last.length() > 100 ? last.substring(last.length() - 100) : last;
    }
}
