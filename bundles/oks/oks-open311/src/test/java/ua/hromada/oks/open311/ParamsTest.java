package ua.hromada.oks.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ua.hromada.oks.open311.Params.RequestsQuery;
import ua.hromada.oks.open311.Params.Status;
import ua.hromada.oks.open311.Params.Submission;

class ParamsTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Map<String, String[]> form(String... pairs) {
        Map<String, String[]> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.merge(pairs[i], new String[] { pairs[i + 1] }, (a, b) -> {
                String[] c = new String[a.length + 1];
                System.arraycopy(a, 0, c, 0, a.length);
                c[a.length] = b[0];
                return c;
            });
        }
        return m;
    }

    private static Map<String, String[]> valid(String... more) {
        Map<String, String[]> m = form("api_key", "k", "service_code", "trees", "lat", "49.5883", "long", "34.5514",
                "description", "Сухе дерево", "address_string", "вул. Соборності, 1", "email", "olena@example.org",
                "first_name", "Олена", "last_name", "Петренко", "phone", "+380501234567", "device_id", "dev-1",
                "media_url", "https://example.org/p/1.jpg");
        m.putAll(form(more));
        return m;
    }

    private static Open311Error refused(Runnable r) {
        return assertThrows(Open311Error.class, r::run);
    }

    @Test
    void aCompleteSubmissionIsRead() {
        Submission s = Params.submission(valid());
        assertEquals("trees", s.serviceCode());
        assertEquals(49.5883, s.latitude());
        assertEquals(34.5514, s.longitude());
        assertEquals("вул. Соборності, 1", s.address());
        assertEquals("Сухе дерево", s.description());
        assertEquals("olena@example.org", s.reporter().email());
        assertEquals("Олена", s.reporter().firstName());
        assertEquals("Петренко", s.reporter().lastName());
        assertEquals("+380501234567", s.reporter().phone());
        assertEquals("dev-1", s.reporter().deviceId());
        assertEquals("https://example.org/p/1.jpg", s.mediaUrl());
    }

    @Test
    void emptyOptionalArgumentsCountAsNotSent() {
        Submission s = Params.submission(valid("email", "", "media_url", " ", "description", ""));
        assertNull(s.reporter().email());
        assertNull(s.mediaUrl());
        assertNull(s.description());
        // the first non-empty value of a repeated argument counts
        assertEquals("Сухе дерево", Params.value(form("description", "", "description", "Сухе дерево"), "description"));
        Submission bare = Params.submission(form("service_code", "trees", "lat", "49.5", "long", "34.5",
                "email", ""));
        assertNull(bare.reporter().email());
        assertNull(bare.description());
    }

    @Test
    void serviceCodeIsRequired() {
        Map<String, String[]> m = valid();
        m.remove("service_code");
        Open311Error e = refused(() -> Params.submission(m));
        assertEquals(400, e.status());
        assertEquals("open311.error.serviceCode.missing", e.messageKey());
        Map<String, String[]> empty = valid();
        empty.put("service_code", new String[] { " " });
        assertEquals("open311.error.serviceCode.missing", refused(() -> Params.submission(empty)).messageKey());
    }

    @Test
    void anAddressAloneIsNotEnoughBecauseAViolationIsAPoint() {
        Map<String, String[]> m = valid();
        m.remove("lat");
        m.remove("long");
        Open311Error e = refused(() -> Params.submission(m));
        assertEquals(400, e.status());
        assertEquals("open311.error.location.required", e.messageKey());
        Map<String, String[]> onlyLat = valid();
        onlyLat.remove("long");
        assertEquals("open311.error.location.required", refused(() -> Params.submission(onlyLat)).messageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "91", "-90.0001", "NaN", "Infinity", "1e1", "0x1p3", "49,58", "49.", ".5" })
    void malformedLatitudesAreRefused(String lat) {
        Open311Error e = refused(() -> Params.submission(valid("lat", lat)));
        assertEquals(400, e.status());
        assertEquals("open311.error.lat.invalid", e.messageKey());
        assertEquals(lat.trim(), e.args()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = { "180.5", "-181", "east" })
    void malformedLongitudesAreRefused(String lon) {
        assertEquals("open311.error.long.invalid", refused(() -> Params.submission(valid("long", lon))).messageKey());
    }

    @Test
    void boundaryCoordinatesAreAccepted() {
        Submission s = Params.submission(valid("lat", "-90", "long", "+180"));
        assertEquals(-90.0, s.latitude());
        assertEquals(180.0, s.longitude());
    }

    @Test
    void theSpecsDescriptionLimitIs4000Characters() {
        String ok = "ї".repeat(4000);
        assertEquals(ok, Params.submission(valid("description", ok)).description());
        Open311Error e = refused(() -> Params.submission(valid("description", ok + "ї")));
        assertEquals("open311.error.field.tooLong", e.messageKey());
        assertEquals("description", e.args()[0]);
    }

    @Test
    void contactFieldsAreChecked() {
        assertEquals("open311.error.email.invalid",
                refused(() -> Params.submission(valid("email", "not-an-address"))).messageKey());
        assertEquals("open311.error.field.tooLong",
                refused(() -> Params.submission(valid("phone", "1".repeat(41)))).messageKey());
        assertEquals("open311.error.mediaUrl.invalid",
                refused(() -> Params.submission(valid("media_url", "javascript:alert(1)"))).messageKey());
        assertEquals("open311.error.mediaUrl.invalid",
                refused(() -> Params.submission(valid("media_url", "file:///etc/passwd"))).messageKey());
    }

    @Test
    void withoutDatesTheWindowIsTheLast90Days() {
        RequestsQuery q = Params.requestsQuery(form(), CLOCK, KYIV);
        assertEquals(NOW, q.end());
        assertEquals(NOW.minus(Duration.ofDays(90)), q.start());
        assertEquals(EnumSet.allOf(Status.class), q.statuses());
        assertTrue(q.serviceCodes().isEmpty());
        assertTrue(q.ids().isEmpty());
    }

    @Test
    void oneDateOpensA90DayWindowFromIt() {
        RequestsQuery fromStart = Params.requestsQuery(form("start_date", "2026-01-01T00:00:00Z"), CLOCK, KYIV);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), fromStart.start());
        assertEquals(Instant.parse("2026-04-01T00:00:00Z"), fromStart.end());
        RequestsQuery toEnd = Params.requestsQuery(form("end_date", "2026-04-01T00:00:00+03:00"), CLOCK, KYIV);
        assertEquals(Instant.parse("2026-03-31T21:00:00Z"), toEnd.end());
        assertEquals(Instant.parse("2026-03-31T21:00:00Z").minus(Duration.ofDays(90)), toEnd.start());
    }

    @Test
    void w3cDatetimesWithOffsetsFractionsAndADateAlone() {
        assertEquals(Instant.parse("2010-05-24T04:00:00Z"),
                Params.dateTime("2010-05-24T07:00:00+03:00", "start_date", KYIV, false));
        assertEquals(Instant.parse("2010-05-24T07:00:00.250Z"),
                Params.dateTime("2010-05-24T07:00:00.25Z", "start_date", KYIV, false));
        assertEquals(Instant.parse("2010-05-24T07:00:00Z"), Params.dateTime("2010-05-24T07:00Z", "start_date", KYIV, false));
        // a "+" the client forgot to encode arrives as a space
        assertEquals(Instant.parse("2010-05-24T04:00:00Z"),
                Params.dateTime("2010-05-24T07:00:00 03:00", "start_date", KYIV, false));
        // a complete date is that day in the jurisdiction's zone (Kyiv: UTC+3 in summer)
        assertEquals(Instant.parse("2026-07-09T21:00:00Z"), Params.dateTime("2026-07-10", "start_date", KYIV, false));
        assertEquals(Instant.parse("2026-07-10T20:59:59.999999999Z"), Params.dateTime("2026-07-10", "end_date", KYIV, true));
    }

    @ParameterizedTest
    @ValueSource(strings = { "yesterday", "2010-05-24T07:00:00", "2010-13-01T00:00:00Z", "24.05.2010", "2010-05-24 07:00",
            "2010-05-24T25:00:00Z", "1274684400" })
    void malformedDatesAreRefused(String date) {
        Open311Error e = refused(() -> Params.requestsQuery(form("start_date", date), CLOCK, KYIV));
        assertEquals(400, e.status());
        assertEquals("open311.error.date.invalid", e.messageKey());
        assertEquals("start_date", e.args()[0]);
    }

    @Test
    void theRangeIsOrderedAndAtMost90Days() {
        assertEquals("open311.error.date.order", refused(() -> Params.requestsQuery(
                form("start_date", "2026-02-01T00:00:00Z", "end_date", "2026-01-01T00:00:00Z"), CLOCK, KYIV)).messageKey());
        assertEquals("open311.error.date.span", refused(() -> Params.requestsQuery(
                form("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-04-01T00:00:01Z"), CLOCK, KYIV)).messageKey());
        RequestsQuery exactly = Params.requestsQuery(
                form("start_date", "2026-01-01T00:00:00Z", "end_date", "2026-04-01T00:00:00Z"), CLOCK, KYIV);
        assertEquals(Duration.ofDays(90), Duration.between(exactly.start(), exactly.end()));
    }

    @Test
    void statusesAndServiceCodesAreCommaDelimitedOrRepeated() {
        RequestsQuery q = Params.requestsQuery(form("status", "open", "service_code", "trees,waste", "service_code", "signs"),
                CLOCK, KYIV);
        assertEquals(EnumSet.of(Status.OPEN), q.statuses());
        assertEquals(Set.of("trees", "waste", "signs"), q.serviceCodes());
        assertEquals(EnumSet.allOf(Status.class),
                Params.requestsQuery(form("status", "OPEN, closed"), CLOCK, KYIV).statuses());
        Open311Error e = refused(() -> Params.requestsQuery(form("status", "open,pending"), CLOCK, KYIV));
        assertEquals("open311.error.status.invalid", e.messageKey());
        assertEquals("pending", e.args()[0]);
    }

    @Test
    void requestIdsOverrideEveryOtherArgument() {
        RequestsQuery q = Params.requestsQuery(form("service_request_id", "15, 7,15", "start_date", "garbage",
                "status", "nonsense"), CLOCK, KYIV);
        assertEquals(List.of(15L, 7L), q.ids());
        assertEquals("open311.error.requestId.invalid",
                refused(() -> Params.requestsQuery(form("service_request_id", "15,x"), CLOCK, KYIV)).messageKey());
        assertEquals("open311.error.requestId.invalid",
                refused(() -> Params.requestsQuery(form("service_request_id", "-3"), CLOCK, KYIV)).messageKey());
    }

    @Test
    void positiveIdsOnly() {
        assertEquals(42L, Params.positiveLong("42"));
        assertNull(Params.positiveLong("0"));
        assertNull(Params.positiveLong("4x"));
        assertNull(Params.positiveLong("99999999999999999999"));
        assertNull(Params.positiveLong(""));
    }
}
