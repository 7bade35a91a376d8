package ua.hromada.oks.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ua.hromada.oks.api.Reporter;

/**
 * Parsing and validation of the spec's arguments. "Optional" arguments sent empty count as not
 * sent (the spec's rule). Every refusal is an {@link Open311Error} with a 400 and a Ukrainian text.
 */
public final class Params {

    /** The spec limits a description to 4 000 characters. */
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ADDRESS = 500;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_PHONE = 40;
    static final int MAX_DEVICE = 200;
    static final int MAX_MEDIA_URL = 2000;
    /** The spec's default window and the widest range a query may span. */
    static final Duration WINDOW = Duration.ofDays(90);
    /** The spec's "first 1000 requests returned". */
    static final int MAX_RESULTS = 1000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** A '+' of an offset that reached us as a space because the client did not encode it. */
    private static final Pattern UNENCODED_PLUS = Pattern.compile("(T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?) (\\d{2}:\\d{2})$");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Params() {
    }

    /** What a resident's app submits with POST requests. */
    public record Submission(String serviceCode, double latitude, double longitude, String address,
            String description, Reporter reporter, String mediaUrl) {
    }

    /** GET requests: either ids (which override the rest) or filters over a time window. */
    public record RequestsQuery(List<Long> ids, Set<String> serviceCodes, Instant start, Instant end,
            Set<Status> statuses) {
    }

    public enum Status {
        OPEN, CLOSED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static String value(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null) {
            return null;
        }
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    public static Submission submission(Map<String, String[]> params) {
        String serviceCode = value(params, "service_code");
        if (serviceCode == null) {
            throw Open311Error.badRequest("open311.error.serviceCode.missing");
        }
        String lat = value(params, "lat");
        String lon = value(params, "long");
        if (lat == null || lon == null) {
            throw Open311Error.badRequest("open311.error.location.required");
        }
        double latitude = coordinate(lat, 90, "open311.error.lat.invalid");
        double longitude = coordinate(lon, 180, "open311.error.long.invalid");
        String description = limited(params, "description", MAX_DESCRIPTION);
        String address = limited(params, "address_string", MAX_ADDRESS);
        String email = limited(params, "email", MAX_EMAIL);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw Open311Error.badRequest("open311.error.email.invalid", email);
        }
        String mediaUrl = limited(params, "media_url", MAX_MEDIA_URL);
        if (mediaUrl != null && !isWebUrl(mediaUrl)) {
            throw Open311Error.badRequest("open311.error.mediaUrl.invalid");
        }
        Reporter reporter = new Reporter(email, limited(params, "first_name", MAX_NAME),
                limited(params, "last_name", MAX_NAME), limited(params, "phone", MAX_PHONE),
                limited(params, "device_id", MAX_DEVICE));
        return new Submission(serviceCode, latitude, longitude, address, description, reporter, mediaUrl);
    }

    public static RequestsQuery requestsQuery(Map<String, String[]> params, Clock clock, ZoneId zone) {
        String ids = value(params, "service_request_id");
        if (ids != null) {
            return new RequestsQuery(ids(ids), Set.of(), null, null, EnumSet.allOf(Status.class));
        }
        Set<String> codes = new LinkedHashSet<>(list(params, "service_code"));
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        for (String s : list(params, "status")) {
            try {
                statuses.add(Status.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw Open311Error.badRequest("open311.error.status.invalid", s);
            }
        }
        if (statuses.isEmpty()) {
            statuses = EnumSet.allOf(Status.class);
        }
        Instant start = dateTime(value(params, "start_date"), "start_date", zone, false);
        Instant end = dateTime(value(params, "end_date"), "end_date", zone, true);
        if (start == null && end == null) {
            end = clock.instant();
            start = end.minus(WINDOW);
        } else if (start == null) {
            start = end.minus(WINDOW);
        } else if (end == null) {
            end = start.plus(WINDOW);
        }
        if (start.isAfter(end)) {
            throw Open311Error.badRequest("open311.error.date.order");
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw Open311Error.badRequest("open311.error.date.span");
        }
        return new RequestsQuery(List.of(), codes, start, end, statuses);
    }

    /**
     * A W3C datetime ("2010-01-01T00:00:00Z", "...+02:00", seconds and fractions optional, the zone
     * required as the spec says) or a complete date, which means that day in the jurisdiction's zone
     * (its start for start_date, its end for end_date).
     */
    static Instant dateTime(String text, String name, ZoneId zone, boolean endOfDay) {
        if (text == null) {
            return null;
        }
        try {
            if (DATE_ONLY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1)
                        : day.atStartOfDay(zone).toInstant();
            }
            String fixed = UNENCODED_PLUS.matcher(text).replaceFirst("$1+$2");
            return OffsetDateTime.parse(fixed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Error.badRequest("open311.error.date.invalid", name, text);
        }
    }

    private static List<Long> ids(String text) {
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            Long id = positiveLong(part.trim());
            if (id == null) {
                throw Open311Error.badRequest("open311.error.requestId.invalid", part.trim());
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.size() > MAX_RESULTS) {
            throw Open311Error.badRequest("open311.error.requestIds.tooMany", String.valueOf(MAX_RESULTS));
        }
        return ids;
    }

    /** A positive id, or null when the text is not one. */
    static Long positiveLong(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long id = Long.parseLong(text);
        return id > 0 ? id : null;
    }

    /** Comma-delimited values, also when the argument is "declared multiple times". */
    private static List<String> list(Map<String, String[]> params, String name) {
        List<String> out = new ArrayList<>();
        String[] values = params.get(name);
        if (values != null) {
            for (String v : values) {
                for (String part : v == null ? new String[0] : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    private static double coordinate(String text, double limit, String key) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw Open311Error.badRequest(key, text);
        }
        // parseDouble also takes "NaN", "Infinity" and hex floats: only plain decimals are coordinates
        if (!Double.isFinite(v) || Math.abs(v) > limit || !text.matches("[-+]?\\d+(\\.\\d+)?")) {
            throw Open311Error.badRequest(key, text);
        }
        return v;
    }

    private static String limited(Map<String, String[]> params, String name, int max) {
        String v = value(params, name);
        if (v != null && v.codePointCount(0, v.length()) > max) {
            throw Open311Error.badRequest("open311.error.field.tooLong", name, String.valueOf(max));
        }
        return v;
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
