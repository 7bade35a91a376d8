package ua.hromada.oks.adminui.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ua.hromada.oks.api.OksAnalytics.Daily;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The period report's chart as a self-contained SVG: bars of registered and fixed violations per
 * day, per week for periods over {@value #MAX_DAILY_BARS} days and per month over
 * {@value #MAX_WEEKLY_BARS} weeks (so bars stay readable; {@link #step} names the bucket for the
 * title and the data table, which use the same {@link #buckets}), a value
 * axis with round ticks, date labels, a legend and a title. Vaadin core has no chart component;
 * this is drawn on the server and needs no script. For screen readers the SVG is one image with a
 * title and a summary; the view shows the same numbers as a table beside it.
 */
public final class DailyChart {

    /** Texts of the chart, in the page's language; {@code summary} states the totals in words. */
    public record Labels(String title, String registered, String fixed, String valueAxis, String dateAxis,
            String summary, String empty) {
    }

    /** One bar pair: a day, a week starting on {@code first}, or a month's days inside the period. */
    public record Bucket(LocalDate first, LocalDate last, long registered, long fixed) {
    }

    /** What one bar stands for. */
    public enum Step {
        DAY, WEEK, MONTH
    }

    static final int MAX_DAILY_BARS = 92;
    static final int MAX_WEEKLY_BARS = 53;
    static final int WIDTH = 760;
    static final int HEIGHT = 340;
    static final int LEFT = 64;
    static final int RIGHT = 16;
    static final int TOP = 64;
    static final int BOTTOM = 72;
    static final String REGISTERED_COLOUR = "#1a6fd8";
    static final String FIXED_COLOUR = "#2e7d32";
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM", Locale.ROOT);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM.yyyy", Locale.ROOT);

    private DailyChart() {
    }

    public static String svg(List<Daily> days, Labels labels) {
        List<Bucket> buckets = buckets(days);
        long max = 0;
        for (Bucket b : buckets) {
            max = Math.max(max, Math.max(b.registered(), b.fixed()));
        }
        long step = niceStep(max);
        long top = Math.max(step, ((max + step - 1) / step) * step);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        int bottomY = TOP + plotH;

        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" style=\"max-width:").append(WIDTH).append("px\" role=\"img\"")
                .append(" aria-labelledby=\"oks-chart-title oks-chart-desc\" class=\"oks-chart\">");
        s.append("<title id=\"oks-chart-title\">").append(esc(labels.title())).append("</title>");
        s.append("<desc id=\"oks-chart-desc\">").append(esc(buckets.isEmpty() ? labels.empty() : labels.summary()))
                .append("</desc>");
        s.append("<style>text{font-family:sans-serif;font-size:12px;fill:#333}.oks-chart-heading{font-size:15px;font-weight:600}</style>");
        s.append(text(WIDTH / 2.0, 22, "middle", "oks-chart-heading", labels.title()));
        // legend, under the title
        s.append("<g class=\"oks-chart-legend\">");
        s.append(swatch(LEFT, 34, REGISTERED_COLOUR));
        s.append(text(LEFT + 18, 44.5, "start", null, labels.registered()));
        s.append(swatch(LEFT + 180, 34, FIXED_COLOUR));
        s.append(text(LEFT + 198, 44.5, "start", null, labels.fixed()));
        s.append("</g>");

        // value axis: grid lines and round ticks
        s.append("<g class=\"oks-chart-y\">");
        for (long v = 0; v <= top; v += step) {
            double y = bottomY - (double) v * plotH / top;
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotW).append("\" y1=\"").append(num(y))
                    .append("\" y2=\"").append(num(y)).append("\" stroke=\"").append(v == 0 ? "#666" : "#ddd")
                    .append("\"/>");
            s.append(text(LEFT - 6, y + 4, "end", "oks-chart-tick", Long.toString(v)));
        }
        s.append("</g>");
        s.append("<text x=\"16\" y=\"").append(num(TOP + plotH / 2.0)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ")
                .append(num(TOP + plotH / 2.0)).append(")\">").append(esc(labels.valueAxis())).append("</text>");
        s.append(text(LEFT + plotW / 2.0, bottomY + 44, "middle", null, labels.dateAxis()));
        s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(bottomY).append("\" stroke=\"#666\"/>");

        if (buckets.isEmpty()) {
            s.append(text(LEFT + plotW / 2.0, TOP + plotH / 2.0, "middle", "oks-chart-empty", labels.empty()));
        } else {
            double slot = (double) plotW / buckets.size();
            double barW = Math.min(24, slot * 0.4);
            int labelEvery = (int) Math.ceil(buckets.size() / 12.0);
            boolean monthly = step(days.size()) == Step.MONTH;
            s.append("<g class=\"oks-chart-bars\">");
            for (int i = 0; i < buckets.size(); i++) {
                Bucket b = buckets.get(i);
                double centre = LEFT + slot * i + slot / 2;
                String when = b.first().equals(b.last()) ? DisplayFormats.DATE.format(b.first())
                        : DisplayFormats.DATE.format(b.first()) + "–" + DisplayFormats.DATE.format(b.last());
                s.append(bar(centre - barW, barW, b.registered(), top, plotH, bottomY, REGISTERED_COLOUR,
                        "oks-bar-registered", when + " — " + labels.registered() + ": " + b.registered(), b.first()));
                s.append(bar(centre, barW, b.fixed(), top, plotH, bottomY, FIXED_COLOUR, "oks-bar-fixed",
                        when + " — " + labels.fixed() + ": " + b.fixed(), b.first()));
                if (i % labelEvery == 0) {
                    // a month's bar is named by its month, not by the period's first day in it
                    s.append(text(centre, bottomY + 18, "middle", "oks-chart-date",
                            (monthly ? MONTH : SHORT).format(b.first())));
                }
            }
            s.append("</g>");
        }
        s.append("</svg>");
        return s.toString();
    }

    /** The bucket of a period of this many days. */
    public static Step step(int days) {
        return days <= MAX_DAILY_BARS ? Step.DAY : days <= 7 * MAX_WEEKLY_BARS ? Step.WEEK : Step.MONTH;
    }

    /**
     * Days as given, whole weeks (the first starts on the period's first day) or calendar months
     * cut to the period, following {@link #step}.
     */
    public static List<Bucket> buckets(List<Daily> days) {
        List<Bucket> out = new ArrayList<>();
        Step step = step(days.size());
        int i = 0;
        while (i < days.size()) {
            int end;
            if (step == Step.MONTH) {
                LocalDate first = days.get(i).day();
                end = i + 1;
                while (end < days.size() && days.get(end).day().getMonth() == first.getMonth()
                        && days.get(end).day().getYear() == first.getYear()) {
                    end++;
                }
            } else {
                end = Math.min(days.size(), i + (step == Step.WEEK ? 7 : 1));
            }
            List<Daily> part = days.subList(i, end);
            out.add(new Bucket(part.get(0).day(), part.get(part.size() - 1).day(),
                    part.stream().mapToLong(Daily::registered).sum(), part.stream().mapToLong(Daily::fixed).sum()));
            i = end;
        }
        return out;
    }

    /** A round tick step (1, 2 or 5 times a power of ten) giving at most about five ticks. */
    static long niceStep(long max) {
        if (max <= 5) {
            return 1;
        }
        double raw = max / 5.0;
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(raw)));
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String bar(double x, double w, long value, long top, int plotH, int bottomY, String colour,
            String cssClass, String tooltip, LocalDate day) {
        double h = (double) value * plotH / top;
        return "<rect x=\"" + num(x) + "\" y=\"" + num(bottomY - h) + "\" width=\"" + num(w) + "\" height=\"" + num(h)
                + "\" fill=\"" + colour + "\" class=\"" + cssClass + "\" data-day=\"" + day + "\" data-value=\"" + value
                + "\"><title>" + esc(tooltip) + "</title></rect>";
    }

    private static String swatch(double x, double y, String colour) {
        return "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"12\" height=\"12\" fill=\"" + colour + "\"/>";
    }

    private static String text(double x, double y, String anchor, String cssClass, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\""
                + (cssClass == null ? "" : " class=\"" + cssClass + "\"") + ">" + esc(content) + "</text>";
    }

    /** Coordinates with at most two decimals and a dot, whatever the default locale. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
