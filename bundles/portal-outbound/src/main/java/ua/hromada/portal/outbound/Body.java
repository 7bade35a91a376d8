package ua.hromada.portal.outbound;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import ua.hromada.portal.api.outbound.OutboundRefusedException;
import ua.hromada.portal.api.outbound.OutboundRefusedException.Reason;

/**
 * An answer's body as the caller reads it from Jetty's {@code InputStreamResponseListener}: bytes
 * counted against {@code maxBytes}, and Jetty's idle and total timeouts (a
 * {@link TimeoutException} inside its IOException) given as the {@link HttpTimeoutException} the
 * API documents. Closing it before the end aborts the exchange (Jetty's stream does).
 */
final class Body extends FilterInputStream {
    private final long maxBytes;
    private final String host;
    private long read;

    Body(InputStream in, long maxBytes, String host) {
        super(in);
        this.maxBytes = maxBytes;
        this.host = host;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            throw timedOut(e, host);
        }
        if (n > 0) {
            read += n;
            if (read > maxBytes) {
                in.close();
                throw new OutboundRefusedException(host, Reason.TOO_LARGE,
                        "the answer of " + host + " is larger than " + maxBytes + " bytes");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(0, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** {@code e} as an HttpTimeoutException when a timeout caused it, else as it is. */
    static IOException timedOut(IOException e, String host) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException h) {
                return h;
            }
            if (t instanceof TimeoutException) {
                HttpTimeoutException h = new HttpTimeoutException("no answer from " + host + " in time (" + t.getMessage() + ")");
                h.initCause(e);
                return h;
            }
        }
        return e;
    }
}
