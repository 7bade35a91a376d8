package ua.hromada.gis.exchange.internal;

import java.time.Duration;

/**
 * How much a file may hold.
 *
 * @param maxFileBytes     bytes read from the uploaded file
 * @param maxUnpackedBytes bytes unpacked from a ZIP (KMZ, Shapefile) and written by ogr2ogr: counted
 *                         while reading, so a ZIP bomb stops at the limit
 * @param maxRows          features or lines
 * @param toolTimeout      how long ogr2ogr may run
 */
public record Limits(long maxFileBytes, long maxUnpackedBytes, int maxRows, Duration toolTimeout) {

    public static Limits defaults() {
        return new Limits(100L << 20, 500L << 20, 200_000, Duration.ofMinutes(2));
    }

    long maxFileMegabytes() {
        return Math.max(1, maxFileBytes >> 20);
    }
}
