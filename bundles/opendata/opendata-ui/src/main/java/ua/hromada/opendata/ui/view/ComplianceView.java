package ua.hromada.opendata.ui.view;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.OpendataAudit.ComplianceMatrix;
import ua.hromada.opendata.api.DataManager;
import ua.hromada.opendata.api.Obligation;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * {@code opendata/compliance}: data managers (rows) × obligatory datasets (columns) of the latest
 * audit, each cell coloured and marked: published / published with problems / missing / not on
 * the manager's list; a legend with the counts.
 */
public class ComplianceView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    public ComplianceView(OpendataAudit audit, PortalUser user) {
        setId("opendata-compliance");
        if (!OpendataPermissions.canRead(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        add(new H2(getTranslation("opendata.ui.compliance.title")));
        ComplianceMatrix m = audit.compliance();
        if (m == null || m.managers().isEmpty() || m.obligations().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("opendata.ui.compliance.none"));
            none.setId("opendata-compliance-none");
            add(none);
            return;
        }
        add(new Paragraph(getTranslation("opendata.ui.compliance.asOf", DisplayFormats.date(m.asOf()))));
        Map<Compliance, Integer> counts = new EnumMap<>(Compliance.class);
        m.cells().forEach(row -> row.forEach(c -> counts.merge(c, 1, Integer::sum)));
        add(legend(counts), table(m));
    }

    private HorizontalLayout legend(Map<Compliance, Integer> counts) {
        HorizontalLayout legend = new HorizontalLayout();
        legend.setId("opendata-compliance-legend");
        legend.setWrap(true);
        for (Compliance c : Compliance.values()) {
            Span swatch = new Span(OpendataUi.complianceMark(c));
            swatch.getStyle().set("display", "inline-block").set("width", "1.4em").set("height", "1.4em")
                    .set("text-align", "center").set("background", OpendataUi.complianceColor(c)).set("color", "#fff")
                    .set("border-radius", "3px").set("margin-right", "0.4em");
            Span item = new Span(swatch, new Span(getTranslation("opendata.ui.compliance." + c.name()) + " — "
                    + counts.getOrDefault(c, 0)));
            item.getElement().setAttribute("data-compliance", c.name());
            item.getElement().setAttribute("data-count", Integer.toString(counts.getOrDefault(c, 0)));
            legend.add(item);
        }
        return legend;
    }

    private Div table(ComplianceMatrix m) {
        Element table = new Element("table");
        table.getStyle().set("border-collapse", "collapse").set("font-size", "var(--lumo-font-size-s)");
        Element head = new Element("tr");
        head.appendChild(th(getTranslation("opendata.ui.compliance.manager")));
        for (Obligation o : m.obligations()) {
            // the Ukrainian name (the code is an English slug); a long one is cut with "…", whole in the tooltip
            Element th = th(o.title());
            th.setAttribute("title", o.title() + " (" + o.code() + ")");
            th.setAttribute("data-code", o.code());
            th.getStyle().set("writing-mode", "vertical-rl").set("white-space", "nowrap").set("max-height", "14em")
                    .set("overflow", "hidden").set("text-overflow", "ellipsis");
            head.appendChild(th);
        }
        table.appendChild(new Element("thead").appendChild(head));
        Element body = new Element("tbody");
        List<DataManager> managers = m.managers();
        for (int i = 0; i < managers.size(); i++) {
            DataManager dm = managers.get(i);
            Element tr = new Element("tr");
            tr.setAttribute("data-manager", Long.toString(dm.id()));
            Element name = new Element("th");
            name.getStyle().set("text-align", "left").set("font-weight", "normal").set("padding", "2px 8px");
            Element link = new Element("a");
            link.setAttribute("href", OpendataUi.MANAGER_ROUTE + dm.id());
            link.setText(dm.name());
            name.appendChild(link);
            tr.appendChild(name);
            List<Compliance> row = m.cells().get(i);
            for (int j = 0; j < row.size(); j++) {
                Compliance c = row.get(j);
                Element td = new Element("td");
                td.setText(OpendataUi.complianceMark(c));
                td.setAttribute("data-compliance", c.name());
                td.setAttribute("title", dm.name() + " · " + m.obligations().get(j).title() + ": "
                        + getTranslation("opendata.ui.compliance." + c.name()));
                td.getStyle().set("background", OpendataUi.complianceColor(c)).set("color", "#fff").set("text-align", "center")
                        .set("width", "1.8em").set("height", "1.8em").set("border", "1px solid #fff");
                tr.appendChild(td);
            }
            body.appendChild(tr);
        }
        table.appendChild(body);
        Div box = new Div();
        box.setId("opendata-compliance-matrix");
        box.getStyle().set("overflow", "auto").set("max-width", "100%");
        box.getElement().appendChild(table);
        return box;
    }

    private static Element th(String text) {
        Element th = new Element("th");
        th.setText(text);
        th.getStyle().set("padding", "2px 4px");
        return th;
    }
}
