package ua.hromada.oks.adminui.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import ua.hromada.oks.api.OksAnalytics.Daily;

class DailyChartTest {

    private static final DailyChart.Labels LABELS = new DailyChart.Labels("Зареєстровані та виконані <по днях>",
            "Зареєстровано", "Виконано", "Кількість", "Дата", "Листопад: зареєстровано 15, виконано 4.",
            "Немає даних");
    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);

    @Test
    void drawsTwoBarsPerDayScaledToRoundTicks() throws Exception {
        List<Daily> days = List.of(new Daily(FIRST, 3, 0), new Daily(FIRST.plusDays(1), 12, 4),
                new Daily(FIRST.plusDays(2), 0, 0));
        Document svg = parse(DailyChart.svg(days, LABELS));
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("oks-chart-title oks-chart-desc", root.getAttribute("aria-labelledby"));
        assertEquals("Зареєстровані та виконані <по днях>", byId(svg, "title", "oks-chart-title").getTextContent(),
                "the title survives escaping");
        assertEquals("Листопад: зареєстровано 15, виконано 4.", byId(svg, "desc", "oks-chart-desc").getTextContent());

        List<Element> registered = byClass(svg, "rect", "oks-bar-registered");
        List<Element> fixed = byClass(svg, "rect", "oks-bar-fixed");
        assertEquals(3, registered.size());
        assertEquals(3, fixed.size());
        assertEquals("12", registered.get(1).getAttribute("data-value"));
        assertEquals("2026-11-02", registered.get(1).getAttribute("data-day"));
        assertTrue(registered.get(1).getTextContent().contains("02.11.2026 — Зареєстровано: 12"));

        // 12 at most: ticks every 5 up to 15; the plot is 340 - 64 - 72 = 204 px high
        List<String> ticks = byClass(svg, "text", "oks-chart-tick").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("0", "5", "10", "15"), ticks);
        double plot = DailyChart.HEIGHT - DailyChart.TOP - DailyChart.BOTTOM;
        assertEquals(12 * plot / 15, height(registered.get(1)), 0.01);
        assertEquals(3 * plot / 15, height(registered.get(0)), 0.01);
        assertEquals(4 * plot / 15, height(fixed.get(1)), 0.01);
        assertEquals(0, height(fixed.get(2)), 0.001);
        // bars stand on the axis
        double base = DailyChart.TOP + plot;
        assertEquals(base, Double.parseDouble(registered.get(1).getAttribute("y")) + height(registered.get(1)), 0.02);

        List<String> dates = byClass(svg, "text", "oks-chart-date").stream().map(Element::getTextContent).toList();
        assertEquals(List.of("01.11", "02.11", "03.11"), dates);
        assertTrue(texts(svg).containsAll(List.of("Зареєстровано", "Виконано", "Кількість", "Дата")),
                "legend and axis titles are drawn");
    }

    @Test
    void longPeriodsBecomeWeeksAndLabelsThinOut() throws Exception {
        List<Daily> days = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            days.add(new Daily(LocalDate.of(2026, 1, 1).plusDays(i), 1, i % 2));
        }
        Document svg = parse(DailyChart.svg(days, LABELS));
        List<Element> bars = byClass(svg, "rect", "oks-bar-registered");
        assertEquals(53, bars.size(), "52 whole weeks and one day");
        assertEquals("7", bars.get(0).getAttribute("data-value"));
        assertEquals("1", bars.get(52).getAttribute("data-value"));
        assertTrue(bars.get(0).getTextContent().startsWith("01.01.2026–07.01.2026"));
        assertTrue(byClass(svg, "text", "oks-chart-date").size() <= 14);
    }

    @Test
    void twoYearsAreMonthlyAndTheBucketNamesTheTitle() throws Exception {
        List<Daily> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2024, 12, 3);
        for (LocalDate d = first; !d.isAfter(LocalDate.of(2026, 12, 2)); d = d.plusDays(1)) {
            days.add(new Daily(d, 1, 0));
        }
        assertEquals(730, days.size());
        assertEquals(DailyChart.Step.MONTH, DailyChart.step(days.size()));
        List<DailyChart.Bucket> months = DailyChart.buckets(days);
        assertEquals(25, months.size(), "December 2024 cut to the 3rd … December 2026 cut to the 2nd");
        assertEquals(new DailyChart.Bucket(first, LocalDate.of(2024, 12, 31), 29, 0), months.get(0));
        assertEquals(new DailyChart.Bucket(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28), 28, 0), months.get(2));
        assertEquals(new DailyChart.Bucket(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), 2, 0), months.get(24));
        assertEquals(730, months.stream().mapToLong(DailyChart.Bucket::registered).sum(), "every day in one bucket");
        Document svg = parse(DailyChart.svg(days, LABELS));
        assertEquals(25, byClass(svg, "rect", "oks-bar-registered").size());
        assertEquals("12.2024", byClass(svg, "text", "oks-chart-date").get(0).getTextContent(), "months named by month");

        assertEquals(DailyChart.Step.DAY, DailyChart.step(92));
        assertEquals(DailyChart.Step.WEEK, DailyChart.step(93));
        assertEquals(DailyChart.Step.WEEK, DailyChart.step(371));
        assertEquals(DailyChart.Step.MONTH, DailyChart.step(372));
    }

    @Test
    void ninetyTwoDaysStayDaily() {
        List<Daily> days = new ArrayList<>();
        for (int i = 0; i < 92; i++) {
            days.add(new Daily(FIRST.plusDays(i), i, 0));
        }
        assertEquals(92, DailyChart.buckets(days).size());
    }

    @Test
    void emptyPeriodSaysSo() throws Exception {
        Document svg = parse(DailyChart.svg(List.of(), LABELS));
        assertEquals("Немає даних", byId(svg, "desc", "oks-chart-desc").getTextContent());
        assertEquals(1, byClass(svg, "text", "oks-chart-empty").size());
        assertEquals(0, byClass(svg, "rect", "oks-bar-registered").size());
    }

    @Test
    void allZeroDaysStillHaveAnAxis() throws Exception {
        Document svg = parse(DailyChart.svg(List.of(new Daily(FIRST, 0, 0)), LABELS));
        assertEquals(List.of("0", "1"), byClass(svg, "text", "oks-chart-tick").stream().map(Element::getTextContent).toList());
    }

    @Test
    void roundSteps() {
        assertEquals(1, DailyChart.niceStep(0));
        assertEquals(1, DailyChart.niceStep(5));
        assertEquals(2, DailyChart.niceStep(7));
        assertEquals(5, DailyChart.niceStep(12));
        assertEquals(10, DailyChart.niceStep(50));
        assertEquals(20, DailyChart.niceStep(51));
        assertEquals(200, DailyChart.niceStep(1000));
        assertEquals("12.5", DailyChart.num(12.5));
        assertEquals("3", DailyChart.num(3.0));
        assertEquals("&lt;a href=&quot;x&quot;&gt; &amp; &#39;", DailyChart.esc("<a href=\"x\"> & '"));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byId(Document d, String tag, String id) {
        return byAttr(d, tag, "id", id).get(0);
    }

    private static List<Element> byClass(Document d, String tag, String cls) {
        return byAttr(d, tag, "class", cls);
    }

    private static List<Element> byAttr(Document d, String tag, String attr, String value) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (value.equals(e.getAttribute(attr))) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<String> texts(Document d) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName("text");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    private static double height(Element rect) {
        return Double.parseDouble(rect.getAttribute("height"));
    }
}
