package ua.hromada.oks.adminui.analytics;

import java.util.List;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCaption;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;

/** An analytics table as a plain HTML table with its caption and column headers (screen readers read it as one). */
final class HtmlTable {

    private HtmlTable() {
    }

    static <T> Component of(String id, String caption, List<String> headers, List<T> rows,
            Function<T, List<Component>> cells, String noRows) {
        NativeTable table = new NativeTable();
        table.setId(id);
        table.addClassName("oks-analytics-table");
        table.getStyle().set("border-collapse", "collapse").set("min-width", "min(36rem, 100%)");
        NativeTableCaption c = table.getCaption();
        c.setText(caption);
        c.getStyle().set("text-align", "start").set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)")
                .set("padding", "var(--lumo-space-s) 0");
        NativeTableRow headRow = table.getHead().addRow();
        for (String h : headers) {
            NativeTableHeaderCell th = new NativeTableHeaderCell(h);
            th.getElement().setAttribute("scope", "col");
            th.getStyle().set("text-align", "start").set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                    .set("border-bottom", "2px solid var(--lumo-contrast-20pct)");
            headRow.add(th);
        }
        NativeTableBody body = table.getBody();
        for (T row : rows) {
            NativeTableRow tr = body.addRow();
            for (Component cell : cells.apply(row)) {
                NativeTableCell td = new NativeTableCell(cell);
                td.getStyle().set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                        .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
                tr.add(td);
            }
        }
        if (rows.isEmpty()) {
            NativeTableCell td = new NativeTableCell(noRows);
            td.setColspan(headers.size());
            body.addRow().add(td);
        }
        return table;
    }

}
