package ua.hromada.gis.exchange.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read and refuses the file once there are more than the limit. */
final class LimitedInput extends FilterInputStream {
    private final long limit;
    private final String key;
    private long count;

    /** @param key the file error when the limit is passed; its argument is the limit in megabytes */
    LimitedInput(InputStream in, long limit, String key) {
        super(in);
        this.limit = limit;
        this.key = key;
    }

    static byte[] readAll(InputStream in, long limit) {
        try (LimitedInput limited = new LimitedInput(in, limit, "gis.exchange.file.tooLarge")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            limited.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new ImportFailure("gis.exchange.file.unreadable");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public void close() {
        // the caller owns the stream it passed in (GisExchange.read does not close it)
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new ImportFailure(key, Math.max(1, limit >> 20));
        }
    }
}
