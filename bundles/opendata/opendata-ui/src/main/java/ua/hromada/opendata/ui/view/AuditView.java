package ua.hromada.opendata.ui.view;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import ua.hromada.opendata.api.DatasetRegistry;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.DataManager;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;

import ua.hromada.opendata.api.AuditReports;
import ua.hromada.opendata.api.AuditRuleExplanations;
import ua.hromada.opendata.api.AuditRun;
import ua.hromada.opendata.api.OpendataAudit;
import ua.hromada.opendata.api.Finding;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.Severity;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.jobs.Jobs;
import ua.hromada.portal.ui.support.JobRunner;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code opendata/audit}: run the audit now (off the UI thread, progress by push, cancellable);
 * the latest findings by severity, each linking to the dataset's passport where it is fixed; the
 * scores per dataset and manager; the history of runs with the mean score over time; the report.
 * Each finding shows its rule's methodical explanation; an administrator edits them below.
 */
public class AuditView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AuditView.class);
    /** Pushing more often than this only loads the connection; the bar looks the same. */
    static final int HISTORY = 50;

    private final transient DatasetRegistry registry;
    private final transient OpendataAudit audit;
    private final transient AuditReports reports;
    private final transient AuditRuleExplanations explanations;
    /** The community's clock: its time zone and today (the report's date). */
    private final transient PortalSettings settings;
    private final transient ZoneId zone;
    private final transient PortalUser user;
    private final transient Jobs jobs;
    private final Button run = new Button();
    private final Button cancel = new Button();
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final VerticalLayout results = new VerticalLayout();
    private JobRunner runner;

    public AuditView(DatasetRegistry registry, OpendataAudit audit, AuditReports reports,
            AuditRuleExplanations explanations, PortalUser user, PortalSettings settings, Jobs jobs) {
        this.registry = registry;
        this.explanations = explanations;
        this.audit = audit;
        this.reports = reports;
        this.user = user;
        this.settings = settings;
        this.zone = settings.timeZone();
        this.jobs = jobs;
        setId("opendata-audit");
        setMaxWidth("90rem");
        if (!OpendataPermissions.canRead(user)) {
            add(OpendataUi.noAccess(this));
            return;
        }
        add(new H2(getTranslation("opendata.ui.audit.title")));
        if (OpendataPermissions.canAudit(user)) {
            add(runPanel());
        }
        results.setPadding(false);
        results.setId("opendata-audit-results");
        add(results);
        refresh();
        if (AuditRuleExplanations.canEdit(user)) {
            add(new RuleExplanationsEditor(explanations, user, zone, this::refresh));
        }
    }

    // ------------------------------------------------------------------ running

    private Component runPanel() {
        run.setText(getTranslation("opendata.ui.audit.run"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.setId("opendata-audit-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        cancel.setText(getTranslation("opendata.ui.audit.cancel"));
        cancel.setId("opendata-audit-cancel");
        progress.setId("opendata-audit-progress");
        progress.setWidth("24rem");
        runner = new JobRunner(this, progress, status, cancel, getTranslation("opendata.ui.audit.cancelling"));
        status.setId("opendata-audit-status");
        HorizontalLayout row = new HorizontalLayout(run, cancel, progress, status);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        row.setWrap(true);
        return row;
    }

    private void start() {
        // a full audit reads every dataset and file: a job on the audit pool, never the UI thread
        boolean started = runner.start(jobs, "opendata.audit.ui", "audit by " + user.username(),
                job -> audit.run(user, job),
                (done, total) -> getTranslation("opendata.ui.audit.progress", done, total), this::ended);
        if (started) {
            run.setEnabled(false);
            status.setText(getTranslation("opendata.ui.audit.starting"));
            status.getElement().removeAttribute("data-state");
        }
    }

    private void ended(AuditRun r, Throwable error) {
        if (error instanceof OpendataException e) {
            LOG.info("Audit refused: {}", e.getMessage());
            finished(null, OpendataUi.reason(this, e));
        } else if (error instanceof CancellationException) {
            finished(null, getTranslation("opendata.ui.audit.status.CANCELLED"));
        } else if (error != null) {
            String id = UiSupport.logFailure(LOG, "Open data audit failed", error);
            finished(null, getTranslation("opendata.ui.failed", id));
        } else {
            finished(r, null);
        }
    }

    private void finished(AuditRun r, String failure) {
        run.setEnabled(true);
        if (r == null) {
            status.setText(failure);
            status.getElement().setAttribute("data-state", "failed");
            return;
        }
        status.getElement().setAttribute("data-state", r.status().name());
        status.setText(r.status() == AuditRun.Status.FINISHED
                ? getTranslation("opendata.ui.audit.finished", r.datasetsChecked(), r.findings(), OpendataUi.score(r.score()))
                : getTranslation("opendata.ui.audit.status." + r.status().name()));
        refresh();
    }

    // ------------------------------------------------------------------ results of the latest run

    private void refresh() {
        results.removeAll();
        OpendataAudit a = audit;
        var latest = a.latestRun();
        Paragraph summary = new Paragraph();
        summary.setId("opendata-audit-latest");
        if (latest.isEmpty()) {
            summary.setText(getTranslation("opendata.ui.audit.none"));
            results.add(summary, history(a));
            return;
        }
        AuditRun r = latest.get();
        summary.setText(getTranslation("opendata.ui.audit.latest", r.id(), DisplayFormats.dateTime(r.finishedAt(), zone),
                r.datasetsChecked(), r.findings(), OpendataUi.score(r.score())));
        summary.getElement().setAttribute("data-run", Long.toString(r.id()));
        summary.getElement().setAttribute("data-score", r.score() == null ? "" : Double.toString(r.score()));
        Map<String, String> ruleTitles = a.rules().stream()
                .collect(Collectors.toMap(OpendataAudit.Rule::id, OpendataAudit.Rule::title, (x, y) -> x));
        Map<String, String> methods = explanations.explanations().stream().collect(Collectors.toMap(
                AuditRuleExplanations.Explanation::ruleId, AuditRuleExplanations.Explanation::text, (x, y) -> x));
        results.add(summary);
        a.notice(r.id()).ifPresent(text -> {
            Paragraph notice = new Paragraph(text);
            notice.setId("opendata-audit-notice");
            notice.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-secondary-text-color))");
            results.add(notice);
        });
        results.add(findings(a, ruleTitles, methods), scores(a), history(a), report());
    }

    /** The latest run's findings by severity, of every manager or of the one chosen. */
    private Component findings(OpendataAudit a, Map<String, String> ruleTitles, Map<String, String> methods) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        ComboBox<DataManager> manager = new ComboBox<>();
        manager.setId("opendata-findings-manager");
        manager.setPlaceholder(getTranslation("opendata.ui.audit.allManagers"));
        manager.setAriaLabel(getTranslation("opendata.ui.audit.filterManager"));
        manager.setItems(registry.managers(user));
        manager.setItemLabelGenerator(DataManager::name);
        manager.setClearButtonVisible(true);
        manager.setWidth("24rem");
        manager.setMaxWidth("100%");
        VerticalLayout groups = new VerticalLayout();
        groups.setPadding(false);
        groups.setId("opendata-findings-groups");
        manager.addValueChangeListener(e -> {
            groups.removeAll();
            findingGroups(groups, a.findings(null, null, e.getValue() == null ? null : e.getValue().id()), ruleTitles,
                    methods);
        });
        findingGroups(groups, a.findings(null, null, null), ruleTitles, methods);
        box.add(new H3(getTranslation("opendata.ui.audit.findings")), manager, groups);
        return box;
    }

    private void findingGroups(VerticalLayout box, List<Finding> all, Map<String, String> ruleTitles,
            Map<String, String> methods) {
        Map<Severity, List<Finding>> groups = FindingGroups.bySeverity(all);
        for (Map.Entry<Severity, List<Finding>> g : groups.entrySet()) {
            Severity s = g.getKey();
            List<Finding> list = g.getValue();
            Span label = new Span(getTranslation("opendata.ui.audit.group", getTranslation(s.messageKey()), list.size()));
            label.getStyle().set("color", OpendataUi.severityColor(s)).set("font-weight", "600");
            Grid<Finding> grid = new Grid<>();
            grid.setId("opendata-findings-" + s.name());
            grid.setAllRowsVisible(list.size() <= 50);
            if (list.size() > 50) {
                grid.setHeight("30rem");
            }
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.addComponentColumn(f -> {
                Anchor link = new Anchor(OpendataUi.DATASET_ROUTE + f.datasetId(), nz(f.datasetTitle()));
                link.addClassName("opendata-finding-dataset");
                link.getElement().setAttribute("data-rule", f.rule());
                return link;
            }).setHeader(getTranslation("opendata.ui.audit.dataset")).setFlexGrow(2);
            grid.addComponentColumn(f -> rule(ruleTitles.getOrDefault(f.rule(), f.rule()), methods.get(f.rule())))
                    .setHeader(getTranslation("opendata.ui.audit.rule")).setFlexGrow(3);
            grid.addColumn(Finding::explanation).setHeader(getTranslation("opendata.ui.audit.explanation")).setFlexGrow(5);
            grid.setItems(list);
            Details details = new Details(label, grid);
            details.setId("opendata-findings-group-" + s.name());
            details.getElement().setAttribute("data-count", Integer.toString(list.size()));
            details.setOpened(!list.isEmpty() && s != Severity.MINOR);
            details.setWidthFull();
            box.add(details);
        }
        if (all.isEmpty()) {
            box.add(new Paragraph(getTranslation("opendata.ui.audit.noFindings")));
        }
    }

    /** The rule's title with its methodical explanation folded under it (what it asks, how to fix). */
    private Component rule(String title, String method) {
        Div cell = new Div(new Span(title));
        if (method != null) {
            Paragraph text = new Paragraph(method);
            text.getStyle().set("white-space", "pre-wrap").set("margin", "0").set("font-size", "var(--lumo-font-size-s)");
            Details details = new Details(getTranslation("opendata.ui.audit.method"), text);
            details.addClassName("opendata-finding-method");
            cell.add(details);
        }
        return cell;
    }

    private Component scores(OpendataAudit a) {
        H3 heading = new H3(getTranslation("opendata.ui.audit.scores"));
        Grid<OpendataAudit.Score> datasets = scoreGrid("opendata-scores-datasets", "opendata.ui.audit.dataset",
                s -> new Anchor(OpendataUi.DATASET_ROUTE + s.subjectId(), s.name()));
        datasets.setItems(a.datasetScores(null));
        Grid<OpendataAudit.Score> managers = scoreGrid("opendata-scores-managers", "opendata.ui.audit.manager",
                s -> new Anchor(OpendataUi.MANAGER_ROUTE + s.subjectId(), s.name()));
        managers.setItems(a.managerScores(null));
        HorizontalLayout both = new HorizontalLayout(datasets, managers);
        both.setWidthFull();
        both.setWrap(true);
        VerticalLayout box = new VerticalLayout(heading, both);
        box.setPadding(false);
        return box;
    }

    private Grid<OpendataAudit.Score> scoreGrid(String id, String nameKey, Function<OpendataAudit.Score, Anchor> link) {
        Grid<OpendataAudit.Score> grid = new Grid<>();
        grid.setId(id);
        grid.setHeight("24rem");
        grid.setMinWidth("24rem");
        grid.getStyle().set("flex", "1 1 30rem");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(link::apply).setHeader(getTranslation(nameKey)).setFlexGrow(3)
                .setComparator(OpendataAudit.Score::name);
        grid.addComponentColumn(s -> {
            Span v = new Span(OpendataUi.score(s.score()));
            v.getStyle().set("color", OpendataUi.scoreColor(s.score())).set("font-weight", "600");
            v.getElement().setAttribute("data-score", Double.toString(s.score()));
            return v;
        }).setHeader(getTranslation("opendata.ui.audit.score")).setAutoWidth(true).setFlexGrow(0)
                .setComparator(OpendataAudit.Score::score);
        grid.addColumn(OpendataAudit.Score::findings).setHeader(getTranslation("opendata.ui.audit.findingsCount"))
                .setAutoWidth(true).setFlexGrow(0).setComparator(OpendataAudit.Score::findings);
        return grid;
    }

    private Component history(OpendataAudit a) {
        List<AuditRun> runs = a.runs(HISTORY);
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(getTranslation("opendata.ui.audit.history")));
        String svg = ScoreChart.svg(runs, zone, getTranslation("opendata.ui.audit.chart"));
        if (!svg.isEmpty()) {
            // innerHTML of an HTML element parses <svg> into the SVG namespace (an Html root element would not draw)
            Div chart = new Div();
            chart.getElement().setProperty("innerHTML", svg);
            chart.setId("opendata-audit-chart");
            chart.setMaxWidth("40rem");
            chart.setWidthFull();
            box.add(chart);
        }
        Grid<AuditRun> grid = new Grid<>();
        grid.setId("opendata-audit-runs");
        grid.setAllRowsVisible(runs.size() <= 10);
        if (runs.size() > 10) {
            grid.setHeight("20rem");
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(AuditRun::id).setHeader("№").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> DisplayFormats.dateTime(r.startedAt(), zone))
                .setHeader(getTranslation("opendata.ui.audit.startedAt")).setAutoWidth(true);
        grid.addColumn(AuditRun::startedBy).setHeader(getTranslation("opendata.ui.audit.startedBy")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("opendata.ui.audit.status." + r.status().name()))
                .setHeader(getTranslation("opendata.ui.audit.runStatus")).setAutoWidth(true);
        grid.addColumn(AuditRun::datasetsChecked).setHeader(getTranslation("opendata.ui.audit.checked")).setAutoWidth(true);
        grid.addColumn(AuditRun::findings).setHeader(getTranslation("opendata.ui.audit.findingsCount")).setAutoWidth(true);
        grid.addColumn(r -> OpendataUi.score(r.score())).setHeader(getTranslation("opendata.ui.audit.score"))
                .setAutoWidth(true);
        grid.setItems(runs);
        grid.setEmptyStateText(getTranslation("opendata.ui.audit.none"));
        box.add(grid);
        return box;
    }

    // ------------------------------------------------------------------ the analytical report

    private Component report() {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.add(new H3(getTranslation("opendata.ui.report.title")));
        if (!OpendataPermissions.canAudit(user)) {
            box.add(new Paragraph(getTranslation("opendata.ui.report.auditOnly")));
            return box;
        }
        DatePicker asOf = new DatePicker(getTranslation("opendata.ui.report.asOf"));
        asOf.setId("opendata-report-date");
        UiSupport.localise(asOf);
        LocalDate today = settings.today();
        asOf.setValue(today);
        asOf.setMax(today);
        HorizontalLayout row = new HorizontalLayout(asOf);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        for (AuditReports.Format f : AuditReports.Format.values()) {
            Anchor a = new Anchor(reportDownload(asOf, f), AttachmentType.DOWNLOAD, "");
            a.add(new Button(getTranslation("opendata.ui.report." + f.name()), VaadinIcon.DOWNLOAD.create()));
            a.setId("opendata-report-" + f.name().toLowerCase(Locale.ROOT));
            row.add(a);
        }
        box.add(row);
        return box;
    }

    private DownloadHandler reportDownload(DatePicker asOf, AuditReports.Format format) {
        return event -> {
            LocalDate date = asOf.getValue() == null ? settings.today() : asOf.getValue();
            // a refusal (no run by that date) shows its reason
            WrittenDownload.send(event, this, "opendata-audit-" + date + "." + format.name().toLowerCase(Locale.ROOT),
                    switch (format) {
                        case PDF -> "application/pdf";
                        case DOCX -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                        case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                    }, out -> reports.write(user, date, format, out));
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
