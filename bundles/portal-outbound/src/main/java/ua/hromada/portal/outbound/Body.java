package ua.hromada.portal.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.outbound.OutboundRefusedException.Reason;

/**
 * An answer's body as the caller reads it from the connection: framed by its length, by chunks or by
 * the end of the connection; each wait for bytes bounded by {@code idle} and by the exchange's
 * deadline; more than {@code maxBytes} refused. Closing it closes the connection.
 */
final class Body extends InputStream {
    /** How the body ends. */
    enum Framing {
        EMPTY, LENGTH, CHUNKED, CLOSE
    }

    private final Socket socket;
    private final InputStream in;
    private final Framing framing;
    private final Duration idle;
    private final Deadline deadline;
    private final long maxBytes;
    private final String host;
    /** Bytes left of the length or of the current chunk; -1 before the first chunk. */
    private long left;
    private long read;
    private boolean done;

    Body(Socket socket, InputStream in, Framing framing, long length, Duration idle, Deadline deadline,
            long maxBytes, String host) {
        this.socket = socket;
        this.in = in;
        this.framing = framing;
        this.left = framing == Framing.LENGTH ? length : -1;
        this.idle = idle;
        this.deadline = deadline;
        this.maxBytes = maxBytes;
        this.host = host;
        this.done = framing == Framing.EMPTY || framing == Framing.LENGTH && length == 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (framing == Framing.CHUNKED && left <= 0 && !nextChunk()) {
            return -1;
        }
        int want = framing == Framing.CLOSE ? len : (int) Math.min(len, left);
        waitAtMost();
        int n;
        try {
            n = in.read(b, off, want);
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("no body bytes from " + host + " in time");
        }
        if (n < 0) {
            if (framing == Framing.CLOSE) {
                done = true;
                return -1;
            }
            throw new IOException("the answer of " + host + " ended early");
        }
        read += n;
        if (read > maxBytes) {
            throw new OutboundRefusedException(host, Reason.TOO_LARGE, "the answer of " + host + " is larger than "
                    + maxBytes + " bytes");
        }
        if (framing != Framing.CLOSE) {
            left -= n;
            if (framing == Framing.LENGTH && left == 0) {
                done = true;
            }
        }
        return n;
    }

    /** Reads the next chunk's size line (and the end of the previous chunk); false at the last chunk. */
    private boolean nextChunk() throws IOException {
        if (left == 0) {
            line(); // the CRLF after the chunk's data
        }
        String size = line();
        int semicolon = size.indexOf(';');
        try {
            left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("a broken chunk size from " + host);
        }
        if (left < 0) {
            throw new IOException("a broken chunk size from " + host);
        }
        if (left == 0) {
            done = true; // trailers, if any, are not read: the connection is closed anyway
            return false;
        }
        return true;
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            waitAtMost();
            int c;
            try {
                c = in.read();
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("no body bytes from " + host + " in time");
            }
            if (c < 0) {
                throw new IOException("the answer of " + host + " ended early");
            }
            if (c == '\n') {
                return s.toString().strip();
            }
            if (s.length() > 1024) {
                throw new IOException("a broken chunk from " + host);
            }
            s.append((char) c);
        }
    }

    private void waitAtMost() throws IOException {
        socket.setSoTimeout(Deadline.in(idle).min(deadline).remainingMillis());
    }

    @Override
    public void close() throws IOException {
        done = true;
        socket.close();
    }
}
