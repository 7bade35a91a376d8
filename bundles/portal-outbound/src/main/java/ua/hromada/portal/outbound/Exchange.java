package ua.hromada.portal.outbound;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.outbound.OutboundRefusedException.Reason;

/**
 * One HTTP/1.1 request over a connection of its own to an address already checked: the socket goes
 * to that address, while the Host header, TLS SNI and the certificate's host check use the URL's
 * name. {@code Connection: close}: one request a connection, the body framed by its length, chunks
 * or the connection's end.
 */
final class Exchange {
    private static final int MAX_HEAD = 32 * 1024;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");
    /** Headers written here, never copied from the request. */
    private static final Set<String> OWN = Set.of("host", "connection", "content-length", "transfer-encoding",
            "upgrade", "expect", "keep-alive", "te", "trailer");

    private Exchange() {
    }

    /**
     * @param name      the URL's host without brackets
     * @param addresses the checked addresses of {@code name}, tried in order
     * @param head      the deadline for the answer's head
     * @param idle      the longest wait for body bytes
     * @param deadline  the whole exchange's, or null
     */
    static Answer send(HttpRequest request, URI uri, String name, InetAddress[] addresses, byte[] body,
            Duration connectTimeout, Deadline head, Duration idle, Deadline deadline, long maxBytes) throws IOException {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        Socket socket = connect(addresses, port, name, connectTimeout, head);
        try {
            SSLSession session = null;
            if (https) {
                SSLSocket ssl = tls(socket, name, port, head);
                session = ssl.getSession();
                socket = ssl;
            }
            OutputStream out = socket.getOutputStream();
            out.write(head(request, uri, name, port, body).getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            List<String> lines = readHead(socket, in, head, name);
            Matcher status = STATUS.matcher(lines.get(0));
            if (!status.matches()) {
                throw new IOException("not an HTTP answer from " + name);
            }
            int code = Integer.parseInt(status.group(1));
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>())
                            .add(line.substring(colon + 1).strip());
                }
            }
            HttpHeaders h = HttpHeaders.of(headers, (k, v) -> true);
            Body.Framing framing;
            long length = -1;
            if (request.method().equals("HEAD") || code < 200 || code == 204 || code == 304) {
                framing = Body.Framing.EMPTY;
            } else if (h.firstValue("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))
                    .orElse(false)) {
                framing = Body.Framing.CHUNKED;
            } else if (h.firstValue("Content-Length").isPresent()) {
                try {
                    length = Long.parseLong(h.firstValue("Content-Length").get().strip());
                } catch (NumberFormatException e) {
                    throw new IOException("a broken Content-Length from " + name);
                }
                if (length < 0) {
                    throw new IOException("a broken Content-Length from " + name);
                }
                if (length > maxBytes) {
                    throw new OutboundRefusedException(name, Reason.TOO_LARGE,
                            "the answer of " + name + " has " + length + " bytes, more than " + maxBytes);
                }
                framing = Body.Framing.LENGTH;
            } else {
                framing = Body.Framing.CLOSE;
            }
            Body content = new Body(socket, in, framing, length, idle, deadline, maxBytes, name);
            return new Answer(code, request, h, content, uri, Optional.ofNullable(session));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static Socket connect(InetAddress[] addresses, int port, String name, Duration connectTimeout,
            Deadline head) throws IOException {
        IOException last = null;
        for (InetAddress a : addresses) {
            Socket s = new Socket();
            try {
                int ms = Deadline.in(connectTimeout).min(head).remainingMillis();
                s.connect(new InetSocketAddress(a, port), ms);
                return s;
            } catch (SocketTimeoutException e) {
                s.close();
                HttpConnectTimeoutException t = new HttpConnectTimeoutException("connecting to " + name + " timed out");
                t.initCause(e);
                last = t;
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw last;
    }

    private static SSLSocket tls(Socket plain, String name, int port, Deadline head) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, name, port, true);
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the URL's host, not the address
        if (!name.contains(":") && !name.matches("[0-9.]+")) {
            p.setServerNames(List.of(new SNIHostName(name)));
        }
        ssl.setSSLParameters(p);
        ssl.setSoTimeout(head.remainingMillis());
        try {
            ssl.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("the TLS handshake with " + name + " timed out");
        }
        return ssl;
    }

    private static String head(HttpRequest request, URI uri, String name, int port, byte[] body) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String host = name.contains(":") ? "[" + name + "]" : name;
        StringBuilder s = new StringBuilder(request.method()).append(' ').append(path).append(query)
                .append(" HTTP/1.1\r\nHost: ").append(host).append(uri.getPort() > 0 ? ":" + port : "").append("\r\n");
        boolean agent = false;
        for (Map.Entry<String, List<String>> e : request.headers().map().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (OWN.contains(key)) {
                continue;
            }
            agent |= key.equals("user-agent");
            for (String v : e.getValue()) {
                s.append(e.getKey()).append(": ").append(v.replaceAll("[\r\n]", " ")).append("\r\n");
            }
        }
        if (!agent) {
            s.append("User-Agent: Hromada portal\r\n");
        }
        if (body != null) {
            s.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return s.append("Connection: close\r\n\r\n").toString();
    }

    /** The status line and header lines, up to the blank line. */
    private static List<String> readHead(Socket socket, InputStream in, Deadline head, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        try {
            while (matched < 4) { // \r\n\r\n
                socket.setSoTimeout(head.remainingMillis());
                int b = in.read();
                if (b < 0) {
                    throw new IOException("the answer of " + name + " ended in its head");
                }
                bytes.write(b);
                if (bytes.size() > MAX_HEAD) {
                    throw new IOException("the head of the answer of " + name + " is longer than " + MAX_HEAD + " bytes");
                }
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : b == '\r' ? 1 : 0;
            }
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("no answer from " + name + " in time");
        }
        return List.of(bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n"));
    }
}
