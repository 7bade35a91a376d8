package ua.hromada.oks.adminui.support;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;

import ua.hromada.oks.adminui.analytics.Cell;
import ua.hromada.oks.adminui.analytics.DrillDown;

/** An analytics number as a link to the violation list it counts. */
public final class CellLink {

    private CellLink() {
    }

    /**
     * @param what what the number counts, for the link's accessible name ("Направлено, більше 7 днів")
     */
    public static Component of(Component owner, Cell cell, String what) {
        String value = Long.toString(cell.value());
        Component shown;
        if (cell.linked()) {
            Anchor a = new Anchor(DrillDown.href(cell.query()), value);
            // the portal's client-side router handles the click: no page reload
            a.getElement().setAttribute("router-link", true);
            a.getElement().setAttribute("aria-label", owner.getTranslation("oks.adminui.analytics.open", what, value));
            a.getElement().setAttribute("title", owner.getTranslation("oks.adminui.analytics.open", what, value));
            shown = a;
        } else {
            shown = new Span(value);
        }
        shown.getElement().setAttribute("data-value", value);
        shown.getElement().getClassList().add("oks-cell");
        if (cell.highlight()) {
            shown.getElement().getClassList().add("oks-cell-aged");
            shown.getElement().getStyle().set("background", "var(--lumo-error-color-10pct)")
                    .set("color", "var(--lumo-error-text-color)").set("font-weight", "600")
                    .set("padding", "0 var(--lumo-space-xs)").set("border-radius", "var(--lumo-border-radius-s)");
        }
        return shown;
    }
}
