package ua.hromada.opendata.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.AuditRun.Status;

class ScoreChartTest {

    private static AuditRun run(long id, String at, Status status, Double score) {
        Instant t = Instant.parse(at);
        return new AuditRun(id, t, t.plusSeconds(5), "steward", status, 10, 3, score);
    }

    @Test
    void onlyFinishedRunsWithAScoreAreDrawnOldestFirst() {
        List<AuditRun> runs = List.of(run(4, "2026-03-04T10:00:00Z", Status.FINISHED, 90.0),
                run(3, "2026-03-03T10:00:00Z", Status.CANCELLED, null), run(2, "2026-03-02T10:00:00Z", Status.FAILED, null),
                run(1, "2026-03-01T10:00:00Z", Status.FINISHED, 40.0));
        assertEquals(List.of(1L, 4L), ScoreChart.scored(runs).stream().map(AuditRun::id).toList());
        String svg = ScoreChart.svg(runs, ZoneId.of("Europe/Kyiv"), "Середня оцінка");
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\"[^>]*data-run=\"(\\d+)\"").matcher(svg);
        assertTrue(m.find());
        double x1 = Double.parseDouble(m.group(1));
        double y1 = Double.parseDouble(m.group(2));
        assertEquals("1", m.group(3));
        assertTrue(m.find());
        assertEquals("4", m.group(3));
        assertTrue(Double.parseDouble(m.group(1)) > x1, "later run to the right");
        assertTrue(Double.parseDouble(m.group(2)) < y1, "higher score drawn higher");
        assertTrue(svg.contains("aria-label=\"Середня оцінка\""));
        assertTrue(svg.contains("<title>01.03.2026 12:00: 40,0</title>"), svg);
    }

    @Test
    void theAxisIsZeroToHundredAndClamped() {
        assertEquals(ScoreChart.y(0), ScoreChart.y(-5));
        assertEquals(ScoreChart.y(100), ScoreChart.y(120));
        assertTrue(ScoreChart.y(100) < ScoreChart.y(50) && ScoreChart.y(50) < ScoreChart.y(0));
        assertTrue(ScoreChart.y(100) >= 0 && ScoreChart.y(0) <= ScoreChart.HEIGHT);
    }

    @Test
    void nothingToDrawWithoutAFinishedRun() {
        assertEquals("", ScoreChart.svg(List.of(), ZoneId.of("UTC"), "t"));
        assertEquals("", ScoreChart.svg(List.of(run(1, "2026-03-01T10:00:00Z", Status.RUNNING, null)), ZoneId.of("UTC"), "t"));
        String one = ScoreChart.svg(List.of(run(1, "2026-03-01T10:00:00Z", Status.FINISHED, 70.0)), ZoneId.of("UTC"), "a<b\"");
        assertTrue(one.contains("aria-label=\"a&lt;b&quot;\""), one);
    }
}
