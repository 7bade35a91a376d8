package ua.hromada.opendata.ui.view;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import ua.hromada.opendata.api.DataRequests;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.DatasetQuery;
import ua.hromada.opendata.api.Severity;
import ua.hromada.portal.api.PortalUser;

/**
 * The dashboard card's content: the latest audit's mean score, its findings by severity and the
 * official requests whose answers are overdue, each opening the page with the details. Without
 * the audit bundle: the number of datasets in the registry.
 */
public class OpendataWidget extends Div {

    private static final long serialVersionUID = 1L;

    /** {@code audit} and {@code requests} are null while the audit bundle is absent. */
    public OpendataWidget(DatasetRegistry registry, OpendataAudit audit, DataRequests requests, PortalUser user) {
        setId("opendata-widget");
        if (!OpendataPermissions.canRead(user)) {
            add(new Paragraph(getTranslation("opendata.ui.noAccess")));
            return;
        }
        getStyle().set("display", "grid").set("grid-template-columns", "1fr 1fr").set("gap", "var(--lumo-space-s)")
                .set("width", "100%");
        long datasets = registry.countDatasets(user, DatasetQuery.all());
        if (audit == null || requests == null) {
            add(number("datasets", Long.toString(datasets), null, OpendataUi.DATASETS_ROUTE));
            return;
        }
        Optional<AuditRun> latest = audit.latestRun();
        String score = latest.map(r -> OpendataUi.score(r.score())).orElse("—");
        add(number("score", score, latest.map(AuditRun::score).map(OpendataUi::scoreColor).orElse(null), OpendataUi.AUDIT_ROUTE));
        // the service says what is overdue (the community's today, the deadline rules), not the card
        long overdue = requests.overdue(user).size();
        add(number("overdue", Long.toString(overdue), overdue > 0 ? "var(--lumo-error-text-color)" : null,
                OpendataUi.REQUESTS_ROUTE));
        Map<Severity, Integer> counts = FindingGroups.counts(latest.isEmpty() ? java.util.List.of()
                : audit.findings(null, null, null));
        for (Severity s : Severity.values()) {
            add(number(s.name().toLowerCase(java.util.Locale.ROOT), Integer.toString(counts.get(s)), counts.get(s) > 0 ? OpendataUi.severityColor(s) : null,
                    OpendataUi.AUDIT_ROUTE));
        }
        add(number("datasets", Long.toString(datasets), null, OpendataUi.DATASETS_ROUTE));
    }

    private Anchor number(String key, String value, String color, String route) {
        Span n = new Span(value);
        n.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("display", "block");
        if (color != null) {
            n.getStyle().set("color", color);
        }
        Span label = new Span(getTranslation("opendata.ui.widget." + key));
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Anchor a = new Anchor(route, n, label);
        a.setId("opendata-widget-" + key.toLowerCase(java.util.Locale.ROOT));
        a.getElement().setAttribute("data-value", value);
        a.getStyle().set("text-decoration", "none").set("color", "inherit");
        return a;
    }

}
