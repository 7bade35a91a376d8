package ua.hromada.eservices.ui.catalogue;

import java.time.ZoneId;
import java.util.OptionalDouble;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.data.provider.CallbackDataProvider;

import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.LinkCheck;
import ua.hromada.eservices.api.LinkMonitor;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;

/** A service's link checks, newest first (fetched page by page), and its uptime over the last 30 days. */
class LinkHistoryDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    final Paragraph uptime = new Paragraph();
    final Grid<LinkCheck> checks = new Grid<>();

    LinkHistoryDialog(LinkMonitor monitor, PortalUser user, EService service, ZoneId zone) {
        setId("eservices-catalogue-history");
        setHeaderTitle(getTranslation("eservices.ui.catalogue.history.title", service.name()));
        setWidth("min(900px, 100vw)");
        OptionalDouble share = monitor.uptime(user, service.id());
        uptime.setId("eservices-catalogue-uptime");
        uptime.setText(share.isPresent()
                ? getTranslation("eservices.ui.catalogue.history.uptime", String.format(getLocale(), "%.1f", share.getAsDouble()))
                : getTranslation("eservices.ui.catalogue.history.noUptime"));
        checks.setId("eservices-catalogue-checks");
        checks.addColumn(c -> DisplayFormats.dateTime(c.checkedAt(), zone))
                .setHeader(getTranslation("eservices.ui.catalogue.history.at")).setAutoWidth(true);
        checks.addColumn(c -> getTranslation(c.ok() ? "eservices.ui.catalogue.history.ok" : "eservices.ui.catalogue.history.failed"))
                .setHeader(getTranslation("eservices.ui.catalogue.history.result")).setAutoWidth(true);
        checks.addColumn(c -> c.statusCode() == null ? "—" : String.valueOf(c.statusCode()))
                .setHeader(getTranslation("eservices.ui.catalogue.history.status")).setAutoWidth(true);
        checks.addColumn(c -> CatalogueLabels.failure(this, c))
                .setHeader(getTranslation("eservices.ui.catalogue.history.reason")).setFlexGrow(1);
        checks.addColumn(c -> getTranslation("eservices.ui.catalogue.history.ms", c.durationMs()))
                .setHeader(getTranslation("eservices.ui.catalogue.history.duration")).setAutoWidth(true);
        checks.addColumn(LinkCheck::finalUrl).setHeader(getTranslation("eservices.ui.catalogue.history.finalUrl"))
                .setFlexGrow(1);
        checks.setEmptyStateText(getTranslation("eservices.ui.catalogue.history.empty"));
        checks.setPageSize(50);
        checks.setItems(new CallbackDataProvider<LinkCheck, Void>(
                q -> monitor.history(user, service.id(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, monitor.historyCount(user, service.id()))));
        checks.setHeight("400px");
        Button close = new Button(getTranslation("eservices.ui.catalogue.close"), e -> close());
        close.setId("eservices-catalogue-history-close");
        add(uptime, checks);
        getFooter().add(close);
    }
}
