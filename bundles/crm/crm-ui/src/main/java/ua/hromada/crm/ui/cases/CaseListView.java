package ua.hromada.crm.ui.cases;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.crm.api.CardFileFormat;
import ua.hromada.crm.api.CaseExport;
import ua.hromada.crm.api.CaseQuery;
import ua.hromada.crm.api.CaseStatus;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.CrmPermissions;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The case list ({@code tsnap/spravy}) and the back office's inbox ({@code tsnap/bekofis}, the cases
 * handed over to the user's roles): filters, a page at a time, overdue rows marked, CSV and XLSX
 * export of what the filters match.
 */
public class CaseListView extends VerticalLayout {
    private static final Logger LOG = LoggerFactory.getLogger(CaseListView.class);

    private final Cases cases;
    private final CaseExport export;
    private final PortalUser user;
    private final PortalSettings settings;
    private final ZoneId zone;
    private final boolean inbox;
    private final Grid<ServiceCase> grid = new Grid<>();
    private final Select<CaseStatus> status = new Select<>();
    private final ComboBox<ServiceCard> service = new ComboBox<>();
    private final TextField text = new TextField();
    private final Checkbox overdue = new Checkbox();
    private final Span count = new Span();

    public CaseListView(Cases cases, CaseExport export, ServiceCards cards, PortalUser user, PortalSettings settings,
            boolean inbox) {
        this.cases = cases;
        this.export = export;
        this.user = user;
        this.settings = settings;
        this.zone = settings.timeZone();
        this.inbox = inbox;
        setId(inbox ? "case-inbox-view" : "case-list-view");
        add(new H2(getTranslation(inbox ? "crm.case.ui.inbox.title" : "crm.case.ui.list.title")));

        status.setId("case-filter-status");
        status.setLabel(getTranslation("crm.case.ui.f.status"));
        status.setItems(CaseStatus.values());
        status.setItemLabelGenerator(s -> s == null ? getTranslation("crm.case.ui.anyStatus") : CasesUi.status(this, s));
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("crm.case.ui.anyStatus"));
        if (inbox) {
            status.setValue(CaseStatus.IN_BACK_OFFICE);
        }
        service.setId("case-filter-service");
        service.setLabel(getTranslation("crm.case.ui.f.service"));
        service.setClearButtonVisible(true);
        service.setItemLabelGenerator(ServiceCard::name);
        try {
            service.setItems(cards.find(user, "", false, 0, 1000));
        } catch (CrmException e) {
            service.setEnabled(false);
        }
        text.setId("case-filter-text");
        text.setLabel(getTranslation("crm.case.ui.f.text"));
        text.setHelperText(getTranslation("crm.case.ui.f.textHint"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        overdue.setId("case-filter-overdue");
        overdue.setLabel(getTranslation("crm.case.ui.f.overdue"));
        status.addValueChangeListener(e -> refresh());
        service.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        overdue.addValueChangeListener(e -> refresh());

        HorizontalLayout bar = new HorizontalLayout(status, service, text, overdue);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        HorizontalLayout actions = new HorizontalLayout();
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        if (!inbox && user != null && user.hasPermission(CrmPermissions.ADMINISTRATOR)) {
            Button open = new Button(getTranslation("crm.case.ui.new"), VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(CasesUi.NEW_ROUTE)));
            open.setId("case-new");
            open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(open);
        }
        actions.add(exportLink(CardFileFormat.CSV), exportLink(CardFileFormat.XLSX), count);
        count.setId("case-count");
        add(bar, actions);
        configureGrid();
        add(grid);
        setSizeFull();
    }

    private CaseQuery query() {
        return new CaseQuery(status.getValue(), overdue.getValue(), service.getValue() == null ? 0 : service.getValue().id(),
                text.getValue(), inbox);
    }

    private void configureGrid() {
        grid.setId("case-grid");
        LocalDate today = settings.today();
        grid.addColumn(ServiceCase::number).setHeader(getTranslation("crm.case.ui.f.number")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> DisplayFormats.dateTime(c.registeredAt(), zone)).setHeader(getTranslation("crm.case.ui.f.registered"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ServiceCase::applicantName).setHeader(getTranslation("crm.case.ui.f.applicant")).setFlexGrow(2);
        grid.addColumn(ServiceCase::serviceName).setHeader(getTranslation("crm.case.ui.f.service")).setFlexGrow(3);
        grid.addColumn(c -> CasesUi.status(this, c.status())).setHeader(getTranslation("crm.case.ui.f.status"))
                .setAutoWidth(true);
        grid.addComponentColumn(c -> CasesUi.deadline(this, c, today)).setHeader(getTranslation("crm.case.ui.f.deadline"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(getTranslation(inbox ? "crm.case.ui.inbox.empty" : "crm.case.ui.list.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CasesUi.CASE_PREFIX + e.getItem().id())));
        grid.setItems(DataProvider.fromCallbacks(q -> fetch(q.getOffset(), q.getLimit()), q -> count()));
    }

    private Stream<ServiceCase> fetch(int offset, int limit) {
        try {
            return cases.find(user, query(), offset, Math.max(1, Math.min(limit, 500))).stream();
        } catch (CrmException e) {
            UiSupport.error(CasesUi.reason(this, e));
            return Stream.empty();
        }
    }

    private int count() {
        int n;
        try {
            n = cases.countUpTo(user, query(), CasesUi.COUNT_LIMIT);
        } catch (CrmException e) {
            n = 0;
        }
        // past the limit the grid scrolls through the first COUNT_LIMIT; narrowing the search finds the rest
        count.setText(n > CasesUi.COUNT_LIMIT ? getTranslation("crm.case.ui.countOver", CasesUi.COUNT_LIMIT)
                : getTranslation("crm.case.ui.count", n));
        count.getElement().setAttribute("data-count", Integer.toString(n));
        return Math.min(n, CasesUi.COUNT_LIMIT);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    /** What the filters match as a file, made by the service (the same rights and filters as the list). */
    private Anchor exportLink(CardFileFormat format) {
        DownloadHandler handler = UiSupport.download(() -> "spravy-" + settings.today() + "." + format.extension(),
                format.mediaType(), LOG, "Export of the case list failed",
                out -> out.write(export.export(user, query(), format, getLocale())));
        Anchor a = new Anchor(handler, "");
        a.setTarget(AnchorTarget.DEFAULT);
        a.getElement().setAttribute("download", true);
        a.add(VaadinIcon.DOWNLOAD.create());
        a.add(getTranslation("crm.case.ui.export." + format.extension()));
        a.setId("case-export-" + format.extension());
        return a;
    }
}
