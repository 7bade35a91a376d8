package ua.hromada.opendata.ui.view;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import ua.hromada.opendata.api.AuditRun;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The small line chart of the mean score over the finished runs, as an SVG document: oldest run
 * on the left, 0–100 on the vertical axis, a dot with a tooltip per run. Plain SVG text (no
 * chart library: the prebuilt frontend has none, and this is a dozen lines).
 */
public final class ScoreChart {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 180;
    private static final int PAD_LEFT = 36;
    private static final int PAD_RIGHT = 12;
    private static final int PAD_Y = 14;

    private ScoreChart() {
    }

    /** The runs with a score (finished), oldest first. */
    public static List<AuditRun> scored(List<AuditRun> runs) {
        return runs.stream().filter(r -> r.status() == AuditRun.Status.FINISHED && r.score() != null)
                .sorted(Comparator.comparing(AuditRun::startedAt)).toList();
    }

    /** The SVG; {@code title} labels the chart for screen readers. Empty string with no scored run. */
    public static String svg(List<AuditRun> runs, ZoneId zone, String title) {
        List<AuditRun> points = scored(runs);
        if (points.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(escape(title)).append("\">");
        for (int v = 0; v <= 100; v += 50) {
            double y = y(v);
            s.append("<line x1=\"").append(PAD_LEFT).append("\" x2=\"").append(WIDTH - PAD_RIGHT).append("\" y1=\"")
                    .append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#ddd\"/>");
            s.append("<text x=\"").append(PAD_LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#666\">").append(v).append("</text>");
        }
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            AuditRun r = points.get(i);
            double x = x(i, points.size());
            double y = y(r.score());
            path.append(i == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
            dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                    .append("\" r=\"3.5\" fill=\"#1565c0\" data-run=\"").append(r.id()).append("\" data-score=\"")
                    .append(fmt(r.score())).append("\"><title>").append(DisplayFormats.DATE_TIME.format(r.startedAt().atZone(zone)))
                    .append(": ").append(OpendataUi.score(r.score())).append("</title></circle>");
        }
        s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\"/>");
        s.append(dots).append("</svg>");
        return s.toString();
    }

    static double x(int i, int n) {
        double span = WIDTH - PAD_LEFT - PAD_RIGHT;
        return n == 1 ? PAD_LEFT + span / 2 : PAD_LEFT + span * i / (n - 1);
    }

    static double y(double score) {
        double clamped = Math.max(0, Math.min(100, score));
        return HEIGHT - PAD_Y - (HEIGHT - 2 * PAD_Y) * clamped / 100;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
