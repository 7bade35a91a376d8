package ua.hromada.eservices.ui.catalogue;

import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.eservices.api.Audience;
import ua.hromada.eservices.api.CatalogueTransfer;
import ua.hromada.eservices.api.EService;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.LifeSituation;
import ua.hromada.eservices.api.LinkCheck;
import ua.hromada.eservices.api.LinkMonitor;
import ua.hromada.eservices.api.ProviderKind;
import ua.hromada.eservices.api.ServiceCatalogue;
import ua.hromada.eservices.api.ServiceCategory;
import ua.hromada.eservices.api.ServiceQuery;
import ua.hromada.eservices.api.ServiceStatus;
import ua.hromada.eservices.api.TransferFormat;
import ua.hromada.eservices.api.Unit;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jdbc.EditConflictException;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.ui.support.Confirmation;
import ua.hromada.portal.ui.support.EditConflicts;
import ua.hromada.portal.ui.support.JobRunner;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The services tab of the editor: filters, a lazy grid (pages fetched as it scrolls) with the link
 * monitor's state per service, ordering, check now, history, delete; add, import and export.
 */
class ServicesPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    static final int PAGE = 50;
    /** Its own pool: a check asked for now does not wait behind the scheduled round on eservices.links. */
    static final String CHECK_POOL = "eservices.links.now";
    private static final Logger LOG = LoggerFactory.getLogger(ServicesPanel.class);

    private final transient ServiceCatalogue catalogue;
    private final transient LinkMonitor monitor;
    private final transient List<Unit> units;
    private final transient PortalUser user;
    private final ZoneId zone;
    final TextField text = new TextField();
    final ComboBox<ServiceCategory> category = new ComboBox<>();
    final ComboBox<LifeSituation> situation = new ComboBox<>();
    final Select<Audience> audience = new Select<>();
    final Select<ProviderKind> provider = new Select<>();
    final Select<ServiceStatus> status = new Select<>();
    final Checkbox brokenOnly = new Checkbox();
    final Grid<EService> grid = new Grid<>();
    private final Span total = new Span();
    /** "Check now" runs as a job: a dead host may keep it waiting for the timeouts, never the page. */
    private final transient Jobs jobs;
    final ProgressBar checking = new ProgressBar();
    final Span checkStatus = new Span();
    final Button cancelCheck = new Button();
    private final JobRunner runner;

    ServicesPanel(ServiceCatalogue catalogue, CatalogueTransfer transfer, LinkMonitor monitor, Jobs jobs,
            List<Unit> units, PortalUser user, PortalSettings settings) {
        this.catalogue = catalogue;
        this.jobs = jobs;
        this.monitor = monitor;
        this.units = units;
        this.user = user;
        this.zone = settings.timeZone();
        setId("eservices-catalogue-services");
        setPadding(false);
        setSizeFull();

        Button add = new Button(getTranslation("eservices.ui.catalogue.add"), VaadinIcon.PLUS.create(),
                e -> edit(EService.create(null, null, null, null)));
        add.setId("eservices-catalogue-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importButton = new Button(getTranslation("eservices.ui.catalogue.import"), VaadinIcon.UPLOAD.create(),
                e -> new ImportDialog(transfer, user, this::refresh).open());
        importButton.setId("eservices-catalogue-import");
        HorizontalLayout toolbar = new HorizontalLayout(add, importButton,
                CatalogueExport.link(this, transfer, user, settings, TransferFormat.CSV),
                CatalogueExport.link(this, transfer, user, settings, TransferFormat.XLSX), total);
        toolbar.setAlignItems(FlexComponent.Alignment.CENTER);
        toolbar.setWrap(true);
        total.setId("eservices-catalogue-total");

        checking.setId("eservices-catalogue-checking");
        checking.setWidth("8em");
        checkStatus.setId("eservices-catalogue-check-status");
        checkStatus.getElement().setAttribute("role", "status");
        cancelCheck.setText(getTranslation("eservices.ui.catalogue.check.cancel"));
        cancelCheck.setId("eservices-catalogue-check-cancel");
        cancelCheck.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        runner = new JobRunner(this, checking, checkStatus, cancelCheck,
                getTranslation("eservices.ui.catalogue.check.cancelling"));
        HorizontalLayout check = new HorizontalLayout(checking, checkStatus, cancelCheck);
        check.setAlignItems(FlexComponent.Alignment.CENTER);

        add(toolbar, filters(), check, grid());
        refresh();
    }

    private HorizontalLayout filters() {
        text.setId("eservices-catalogue-filter-text");
        text.setLabel(getTranslation("eservices.ui.catalogue.filter.text"));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        category.setId("eservices-catalogue-filter-category");
        category.setLabel(getTranslation("eservices.ui.catalogue.field.category"));
        category.setItems(catalogue.categories());
        category.setItemLabelGenerator(ServiceCategory::name);
        category.setClearButtonVisible(true);
        situation.setId("eservices-catalogue-filter-situation");
        situation.setLabel(getTranslation("eservices.ui.catalogue.filter.situation"));
        situation.setItems(catalogue.situations());
        situation.setItemLabelGenerator(LifeSituation::name);
        situation.setClearButtonVisible(true);
        audience.setId("eservices-catalogue-filter-audience");
        audience.setLabel(getTranslation("eservices.ui.catalogue.field.audience"));
        audience.setItems(Audience.values());
        audience.setEmptySelectionAllowed(true);
        audience.setEmptySelectionCaption(getTranslation("eservices.ui.catalogue.filter.any"));
        audience.setItemLabelGenerator(a -> a == null ? getTranslation("eservices.ui.catalogue.filter.any")
                : CatalogueLabels.of(this, "audience", a));
        provider.setId("eservices-catalogue-filter-provider");
        provider.setLabel(getTranslation("eservices.ui.catalogue.field.provider"));
        provider.setItems(ProviderKind.values());
        provider.setEmptySelectionAllowed(true);
        provider.setEmptySelectionCaption(getTranslation("eservices.ui.catalogue.filter.any"));
        provider.setItemLabelGenerator(p -> p == null ? getTranslation("eservices.ui.catalogue.filter.any")
                : CatalogueLabels.of(this, "provider", p));
        status.setId("eservices-catalogue-filter-status");
        status.setLabel(getTranslation("eservices.ui.catalogue.field.status"));
        status.setItems(ServiceStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("eservices.ui.catalogue.filter.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("eservices.ui.catalogue.filter.any")
                : CatalogueLabels.of(this, "status", s));
        brokenOnly.setId("eservices-catalogue-filter-broken");
        brokenOnly.setLabel(getTranslation("eservices.ui.catalogue.filter.broken"));
        text.addValueChangeListener(e -> refresh());
        category.addValueChangeListener(e -> refresh());
        situation.addValueChangeListener(e -> refresh());
        audience.addValueChangeListener(e -> refresh());
        provider.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        brokenOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(text, category, situation, audience, provider, status, brokenOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    ServiceQuery query() {
        return new ServiceQuery(text.getValue(), category.getValue() == null ? null : category.getValue().id(),
                situation.getValue() == null ? null : situation.getValue().id(), audience.getValue(),
                provider.getValue(), null, status.getValue(), brokenOnly.getValue());
    }

    private Grid<EService> grid() {
        grid.setId("eservices-catalogue-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setPageSize(PAGE);
        grid.setEmptyStateText(getTranslation("eservices.ui.catalogue.empty"));
        grid.addColumn(EService::position).setHeader(getTranslation("eservices.ui.catalogue.number"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::nameCell).setHeader(getTranslation("eservices.ui.catalogue.field.name"))
                .setFlexGrow(3);
        grid.addColumn(s -> CatalogueLabels.of(this, "audience", s.audience()))
                .setHeader(getTranslation("eservices.ui.catalogue.field.audience")).setAutoWidth(true);
        grid.addColumn(s -> CatalogueLabels.of(this, "provider", s.provider()))
                .setHeader(getTranslation("eservices.ui.catalogue.field.provider")).setAutoWidth(true);
        grid.addColumn(s -> CatalogueLabels.of(this, "status", s.status()))
                .setHeader(getTranslation("eservices.ui.catalogue.field.status")).setAutoWidth(true);
        grid.addComponentColumn(s -> CatalogueLabels.badge(this, s.link(), zone))
                .setHeader(getTranslation("eservices.ui.catalogue.link")).setAutoWidth(true);
        grid.addColumn(s -> checked(s)).setHeader(getTranslation("eservices.ui.catalogue.link.checked")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("eservices.ui.catalogue.actions"))
                .setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
        grid.setItems(new CallbackDataProvider<EService, Void>(
                q -> catalogue.list(query(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, catalogue.count(query()))));
        grid.setSizeFull();
        return grid;
    }

    private Div nameCell(EService s) {
        Anchor link = new Anchor(s.url(), s.name());
        link.setTarget("_blank");
        link.getElement().setAttribute("rel", "noopener noreferrer");
        Span code = new Span(s.code());
        code.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("display", "block");
        return new Div(link, code);
    }

    private String checked(EService s) {
        if (s.link().checkedAt() == null) {
            return "";
        }
        String reason = CatalogueLabels.failure(this, s.link().statusCode(), s.link().error());
        return DisplayFormats.dateTime(s.link().checkedAt(), zone) + (reason.isEmpty() ? "" : " — " + reason);
    }

    private HorizontalLayout actions(EService s) {
        HorizontalLayout actions = new HorizontalLayout(
                icon(VaadinIcon.ARROW_UP, "up", s, () -> move(s, true)),
                icon(VaadinIcon.ARROW_DOWN, "down", s, () -> move(s, false)),
                icon(VaadinIcon.EDIT, "edit", s, () -> edit(s)),
                icon(VaadinIcon.REFRESH, "check", s, () -> checkNow(s)),
                icon(VaadinIcon.CHART, "history", s, () -> new LinkHistoryDialog(monitor, user, s, zone).open()),
                icon(VaadinIcon.TRASH, "delete", s, () -> confirmDelete(s)));
        actions.setSpacing(false);
        return actions;
    }

    private Button icon(VaadinIcon icon, String action, EService s, Runnable run) {
        Button b = new Button(icon.create(), e -> run.run());
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        String label = getTranslation("eservices.ui.catalogue.action." + action, s.name());
        b.setAriaLabel(label);
        b.setTooltipText(label);
        b.setId("eservices-catalogue-" + action + "-" + s.id());
        return b;
    }

    void edit(EService s) {
        new ServiceForm(catalogue, units, user, s, saved -> refresh()).open();
    }

    void move(EService s, boolean up) {
        run(() -> catalogue.move(user, s.id(), up));
    }

    /** Starts a check of the service's link off the page; the result comes back by push. */
    void checkNow(EService s) {
        boolean started = runner.start(jobs, CHECK_POOL, "check the link of service " + s.id(),
                progress -> monitor.checkNow(user, s.id()),
                (done, total) -> getTranslation("eservices.ui.catalogue.check.running", s.name()),
                (check, error) -> checked(s, check, error));
        if (started) {
            checkStatus.setText(getTranslation("eservices.ui.catalogue.check.running", s.name()));
        } else {
            UiSupport.error(getTranslation("eservices.ui.catalogue.check.busy"));
        }
    }

    /** The end of a check: its result in words and the grid's new state. */
    void checked(EService s, LinkCheck check, Throwable error) {
        checkStatus.setText("");
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof EservicesException e) {
            UiSupport.error(CatalogueLabels.refusal(this, e));
        } else if (cause instanceof java.util.concurrent.CancellationException) {
            checkStatus.setText(getTranslation("eservices.ui.catalogue.check.cancelled"));
        } else if (cause != null) {
            UiSupport.error(getTranslation("eservices.ui.catalogue.check.error",
                    UiSupport.logFailure(LOG, "Link check of service " + s.id() + " failed", cause)));
        } else if (check.ok()) {
            UiSupport.success(getTranslation("eservices.ui.catalogue.check.ok", s.name(), check.statusCode()));
        } else {
            UiSupport.error(getTranslation("eservices.ui.catalogue.check.failed", s.name(),
                    CatalogueLabels.failure(this, check)));
        }
        refresh();
    }

    private void confirmDelete(EService s) {
        Confirmation.ask("eservices-catalogue-confirm-delete", getTranslation("eservices.ui.catalogue.delete.header"),
                getTranslation("eservices.ui.catalogue.delete.text", s.name()),
                getTranslation("eservices.ui.catalogue.cancel"), getTranslation("eservices.ui.catalogue.delete"),
                () -> delete(s));
    }

    void delete(EService s) {
        run(() -> {
            catalogue.delete(user, s.id(), s.version());
            UiSupport.success(getTranslation("eservices.ui.catalogue.deleted", s.name()));
        });
    }

    /** A change with the service's refusals in words and an outdated row answered with the conflict dialog. */
    private void run(Runnable change) {
        try {
            change.run();
        } catch (EservicesException e) {
            UiSupport.error(CatalogueLabels.refusal(this, e));
        } catch (EditConflictException e) {
            EditConflicts.show(this, this::refresh);
        }
        refresh();
    }

    /** The categories and life situations again, after their tabs changed them. */
    void reloadLists() {
        ServiceCategory chosenCategory = category.getValue();
        LifeSituation chosenSituation = situation.getValue();
        List<ServiceCategory> categories = catalogue.categories();
        List<LifeSituation> situations = catalogue.situations();
        category.setItems(categories);
        situation.setItems(situations);
        category.setValue(categories.stream().filter(c -> chosenCategory != null && c.id() == chosenCategory.id())
                .findFirst().orElse(null));
        situation.setValue(situations.stream().filter(s -> chosenSituation != null && s.id() == chosenSituation.id())
                .findFirst().orElse(null));
        refresh();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        total.setText(getTranslation("eservices.ui.catalogue.total", catalogue.count(query())));
    }
}
