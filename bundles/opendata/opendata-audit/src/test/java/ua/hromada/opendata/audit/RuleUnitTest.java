package ua.hromada.opendata.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.Dataset;
import ua.hromada.opendata.api.StructureField;
import ua.hromada.opendata.api.UpdateFrequency;
import ua.hromada.opendata.audit.rules.CsvProfile;
import ua.hromada.opendata.audit.rules.CsvProfiler;
import ua.hromada.opendata.audit.rules.DatasetCheck;
import ua.hromada.opendata.audit.rules.Findings;
import ua.hromada.opendata.audit.rules.PassportLengthRule;
import ua.hromada.opendata.audit.rules.PdfInspector;
import ua.hromada.opendata.audit.rules.Rules;
import ua.hromada.opendata.audit.rules.Sniff;
import ua.hromada.opendata.audit.rules.Texts;

/** Rule logic that needs no database: the passport lengths the registry cannot even store, the CSV reader, sniffing, the schedule. */
class RuleUnitTest {

    private static Dataset dataset(String title, String description) {
        LocalDate today = LocalDate.now();
        return new Dataset(1, "budget", title, description, "uk", List.of("CSV"), null, today, today, today,
                UpdateFrequency.MONTHLY, List.of("бюджет"), List.of(), "Особа", "a@example.org", "Закон", "Мета", 1, "М",
                List.of(), List.of(new StructureField("id", "Id", "integer", true)), null, true, null, null);
    }

    private static List<Findings.Issue> check(Dataset d) {
        Findings out = new Findings();
        new PassportLengthRule().check(new DatasetCheck(d, List.of(), LocalDate.now(), Texts.ukrainian(),
                id -> Optional.empty(), 1 << 20, null), out);
        return out.all();
    }

    @Test
    void passportLengthFailsOnATitleOver254AndADescriptionOver4000() {
        List<Findings.Issue> issues = check(dataset("Н".repeat(255), "О".repeat(4001)));
        assertEquals(2, issues.size());
        assertTrue(issues.get(0).explanation().contains("255"), issues.get(0).explanation());
        // the number is written the Ukrainian way, "4 001" with a non-breaking space
        assertTrue(issues.get(1).explanation().replaceAll("[\\s\u00A0\u202F]", "").contains("4001"),
                issues.get(1).explanation());
    }

    @Test
    void passportLengthPassesAtTheLimits() {
        assertEquals(List.of(), check(dataset("Н".repeat(254), "О".repeat(4000))));
    }

    @Test
    void everyRuleHasATitleADescriptionNamingTheRuleAndAUniqueId() {
        var rules = Rules.all().stream().map(r -> r.describe(Texts.ukrainian())).toList();
        assertEquals(16, rules.size());
        assertEquals(16, rules.stream().map(r -> r.id()).distinct().count());
        for (var r : rules) {
            assertFalse(r.title().isBlank(), r.id());
            assertTrue(r.description().length() > 60, r.id());
        }
        assertEquals(new Texts(java.util.Locale.ENGLISH).get("opendata.audit.rule.csv-encoding.title"), "CSV not in UTF-8");
    }

    private static CsvProfile profile(String text, Charset charset) throws IOException {
        return CsvProfiler.profile(new ByteArrayInputStream(text.getBytes(charset)), Set.of());
    }

    @Test
    void csvProfileCountsRowsColumnsAndFindsTheDelimiterAcrossQuotedCells() throws IOException {
        CsvProfile p = profile("назва\tсума\n\"А\tБ\"\t10\nВ\t\n", StandardCharsets.UTF_8);
        assertEquals('\t', p.delimiter());
        assertTrue(p.headerPresent());
        assertEquals(2, p.columns());
        assertEquals(2, p.rows());
        assertEquals(0, p.raggedRows());
        assertEquals(List.of(), p.emptyColumns());
        assertTrue(p.utf8());
    }

    @Test
    void csvProfileOfAnEmptyFileAndOfALargeStreamedOne() throws IOException {
        CsvProfile empty = profile("", StandardCharsets.UTF_8);
        assertEquals(0, empty.rows());
        StringBuilder big = new StringBuilder("id,value\n");
        for (int i = 0; i < 200_000; i++) {
            big.append(i).append(",значення ").append(i).append('\n');
        }
        CsvProfile p = profile(big.toString(), StandardCharsets.UTF_8);
        assertEquals(200_000, p.rows());
        assertEquals(2, p.columns());
        assertTrue(p.utf8());
    }

    @Test
    void notUtf8ButWindows1251IsRecognised() throws IOException {
        CsvProfile p = profile("назва,сума\nПолтава,1\n", Charset.forName("windows-1251"));
        assertFalse(p.utf8());
        assertEquals("Windows-1251", p.encoding());
        assertEquals(List.of("назва", "сума"), p.header());
    }

    @Test
    void sniffTellsFilesByTheirFirstBytes() {
        assertEquals(Sniff.PDF, sniff("%PDF-1.7"));
        assertEquals(Sniff.HTML, sniff("  <!DOCTYPE html><html>"));
        assertEquals(Sniff.JSON, sniff("{\"a\":1}"));
        assertEquals(Sniff.TEXT, sniff("id,name"));
        assertEquals(Optional.of(false), Sniff.HTML.fits("CSV"));
        assertEquals(Optional.of(true), Sniff.TEXT.fits("csv"));
        assertEquals(Optional.empty(), Sniff.TEXT.fits("SHAPEFILE-X"));
    }

    private static Sniff sniff(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return Sniff.of(b, b.length);
    }

    @Test
    void pdfTextLayerIsSeen() throws IOException {
        assertTrue(PdfInspector.inspect(new ByteArrayInputStream(AuditFixture.textPdf()), 1 << 20).hasText());
        var scan = PdfInspector.inspect(new ByteArrayInputStream(AuditFixture.scannedPdf()), 1 << 20);
        assertTrue(scan.checked());
        assertFalse(scan.hasText());
        assertFalse(PdfInspector.inspect(new ByteArrayInputStream(AuditFixture.scannedPdf()), 100).checked(), "too large");
    }

    @Test
    void scheduleWaitsUntilTheDailyTimeOrTheInterval() {
        ZoneId kyiv = ZoneId.of("Europe/Kyiv");
        AuditSettings daily = AuditSettings.defaults();
        assertEquals(Duration.ofHours(1), AuditScheduler.untilNext(ZonedDateTime.of(2026, 3, 10, 2, 0, 0, 0, kyiv), daily));
        assertEquals(Duration.ofHours(23), AuditScheduler.untilNext(ZonedDateTime.of(2026, 3, 10, 4, 0, 0, 0, kyiv), daily));
        assertEquals(LocalTime.of(3, 0), daily.dailyAt());
        AuditSettings interval = new AuditSettings(AuditSettings.Schedule.INTERVAL, LocalTime.NOON, Duration.ofHours(6), kyiv,
                false, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1, 1, 30, 15, 5, 1 << 20, 0);
        assertEquals(Duration.ofHours(6), AuditScheduler.untilNext(ZonedDateTime.now(kyiv), interval));
    }

    @Test
    void theShippedConfigurationChecksLinksPolitelyByDefault() throws IOException {
        java.util.Properties cfg = ua.hromada.portal.testing.ShippedConfig.read(AuditConfig.PID);
        // ShippedConfig reads no doubles: the weights are compared here and left to their defaults
        for (var weight : List.of("critical", "major", "minor")) {
            assertEquals(AuditSettings.defaults().weight(ua.hromada.opendata.api.Severity.valueOf(
                    weight.toUpperCase(java.util.Locale.ROOT))), Double.parseDouble((String) cfg.remove("weight." + weight)));
        }
        AuditSettings shipped = AuditSettings.of(ua.hromada.portal.testing.ShippedConfig.as(AuditConfig.class, cfg),
                ZoneId.of("Europe/Kyiv"));
        assertEquals(AuditSettings.defaults(), shipped, "config/ua.hromada.opendata.audit.cfg repeats the defaults");
        assertTrue(shipped.linksEnabled());
        assertEquals(2, shipped.perHost());
        assertEquals(5000, shipped.dailyBudget());
        assertEquals(Duration.ofSeconds(5), shipped.connectTimeout());
        assertEquals(Duration.ofSeconds(15), shipped.readTimeout());
    }
}
