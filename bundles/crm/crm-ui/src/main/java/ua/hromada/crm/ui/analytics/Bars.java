package ua.hromada.crm.ui.analytics;

import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A simple horizontal bar: the value's share of the largest in the table, with the value beside it. */
final class Bars {
    private Bars() {
    }

    static Div bar(double value, double max, String color) {
        double share = max <= 0 ? 0 : Math.max(0, Math.min(1, value / max));
        Div fill = new Div();
        fill.getStyle().set("background", color).set("height", "0.8rem").set("border-radius", "2px")
                .set("width", String.format(Locale.ROOT, "%.1f%%", share * 100));
        Div track = new Div(fill);
        track.getStyle().set("width", "10rem").set("background", "var(--lumo-contrast-10pct)");
        track.getElement().setAttribute("aria-hidden", "true");
        Div line = new Div(track, new Span(format(value)));
        line.getStyle().set("display", "flex").set("gap", "0.5rem").set("align-items", "center");
        return line;
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
