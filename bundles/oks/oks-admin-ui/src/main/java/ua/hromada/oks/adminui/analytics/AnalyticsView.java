package ua.hromada.oks.adminui.analytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import ua.hromada.oks.adminui.analytics.AnalyticsTables.Line;
import ua.hromada.oks.adminui.analytics.AnalyticsTables.ReportLine;
import ua.hromada.oks.adminui.support.CellLink;
import ua.hromada.oks.adminui.support.Feedback;
import ua.hromada.oks.api.OksAnalytics;
import ua.hromada.oks.api.OksAnalytics.AgeRow;
import ua.hromada.oks.api.OksAnalytics.CountRow;
import ua.hromada.oks.api.OksAnalytics.StatusSelection;
import ua.hromada.oks.api.OksArchive;
import ua.hromada.oks.api.OksAnalytics.PeriodReport;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.ResponsibleGroup;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * {@code oks/analytics}: "ОКС Аналітика" as seed 000 shows it: «Оберіть статус» narrowing the current
 * tables to one status group or action, then four tabs: current violations by status group and by
 * responsibility with the overdue-against-deadline view, the detailed table by action, the general
 * report for a period (chart, XLSX) and the archive ({@link ArchivePanel}). Tables (a)–(c) download
 * as XLSX. Every number links to the violation list it counts. Loaded on every entry and by "Оновити".
 */
public class AnalyticsView extends VerticalLayout implements BeforeEnterObserver {

    public static final String ROUTE = "oks/analytics";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final transient OksAnalytics analytics;
    private final transient CurrentUser currentUser;
    private final ZoneId zone;

    private final Span updated = new Span();
    private final VerticalLayout current = new VerticalLayout();
    private final VerticalLayout statuses = new VerticalLayout();
    private final VerticalLayout reportBody = new VerticalLayout();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Anchor export = new Anchor();
    private final ArchivePanel archivePanel;
    /** «Оберіть статус»: the status the current tables are narrowed to. */
    private final Select<StatusSelection> status = new Select<>();
    private final Anchor currentExport = new Anchor();
    private final Span chosen = new Span();
    private transient PeriodReport report;

    /**
     * @param zone the community's time zone: today's month and the times shown
     */
    public AnalyticsView(OksAnalytics analytics, Violations violations, OksArchive archive, CurrentUser currentUser,
            ZoneId zone) {
        this.analytics = analytics;
        this.currentUser = currentUser;
        this.zone = zone;
        this.archivePanel = new ArchivePanel(violations, archive, zone, this::refresh, this::load);
        setId("oks-analytics-view");
        status.setId("oks-analytics-status");
        status.setLabel(getTranslation("oks.adminui.analytics.chooseStatus"));
        status.setEmptySelectionAllowed(false);
        status.setItemLabelGenerator(this::statusLabel);
        status.setItems(StatusSelection.ALL);
        status.setValue(StatusSelection.ALL);
        status.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                refresh();
            }
        });
        currentExport.setId("oks-analytics-export");
        currentExport.add(VaadinIcon.DOWNLOAD.create(), new Span(" " + getTranslation("oks.adminui.analytics.export")));
        chosen.setId("oks-analytics-chosen");
        Button refresh = new Button(getTranslation("oks.adminui.analytics.refresh"), VaadinIcon.REFRESH.create(),
                e -> refresh());
        refresh.setId("oks-analytics-refresh");
        updated.setId("oks-analytics-updated");
        updated.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout head = new HorizontalLayout(new H2(getTranslation("oks.adminui.menu.analytics")), status, refresh,
                currentExport, updated);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);

        TabSheet tabs = new TabSheet();
        tabs.setId("oks-analytics-tabs");
        tabs.setWidthFull();
        tabs.add(tab("current"), current);
        tabs.add(tab("statuses"), statuses);
        tabs.add(tab("report"), reportTab());
        tabs.add(tab("archive"), archivePanel.component());
        for (VerticalLayout l : List.of(current, statuses, reportBody)) {
            l.setPadding(false);
        }
        add(head, chosen, tabs);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
    }

    /** Reloads every tab from the service; the current tables for the status chosen. */
    public void refresh() {
        PortalUser actor = actor();
        load(() -> {
            List<AgeRow<WorkflowAction>> every = analytics.byAction(actor, StatusSelection.ALL);
            statusChoices(every);
            StatusSelection sel = status.getValue();
            List<AgeRow<StatusGroup>> groups = analytics.byStatusGroup(actor, sel);
            List<CountRow<ResponsibleGroup>> responsibility = analytics.byResponsibility(actor, sel);
            List<AgeRow<WorkflowAction>> actions = sel.all() ? every : analytics.byAction(actor, sel);
            showChosen(sel, groups);
            current.removeAll();
            current.add(table("oks-table-groups", getTranslation("oks.adminui.analytics.byGroup"),
                    List.of(th("col.status"), th("col.count"), th("col.over7"), th("col.over30")),
                    AnalyticsTables.byStatusGroup(groups, sel), this::groupRow));
            current.add(table("oks-table-responsibility", getTranslation("oks.adminui.analytics.byResponsibility"),
                    List.of(th("col.responsibleGroup"), th("col.count")),
                    AnalyticsTables.byResponsibility(responsibility, sel), this::responsibilityRow));
            current.add(new Paragraph(getTranslation("oks.adminui.analytics.highlightNote")));
            overdue(actor, sel);
            statuses.removeAll();
            statuses.add(table("oks-table-actions", getTranslation("oks.adminui.analytics.byAction"),
                    List.of(th("col.code"), th("col.status"), th("col.lastAction"), th("col.count"), th("col.over7"),
                            th("col.over30"), th("col.responsible")),
                    AnalyticsTables.byAction(actions), this::actionRow));
            currentExport.setHref(currentDownload(new ReportWorkbook.CurrentTables(LocalDateTime.now(zone).withNano(0),
                    statusLabel(sel), groups, responsibility, actions)));
        });
        showReport();
        archivePanel.refresh(actor);
        updated.setText(getTranslation("oks.adminui.analytics.updated", LocalTime.now(zone).format(TIME)));
    }

    // ---- «Оберіть статус»

    /** Every current group, then its actions; the choice is kept while it still exists. */
    private void statusChoices(List<AgeRow<WorkflowAction>> every) {
        List<StatusSelection> items = new ArrayList<>();
        items.add(StatusSelection.ALL);
        for (StatusGroup g : StatusGroup.values()) {
            if (g.current()) {
                items.add(StatusSelection.group(g));
                every.stream().map(AgeRow::key).filter(a -> a.group() == g).forEach(a -> items.add(StatusSelection.action(a)));
            }
        }
        StatusSelection kept = items.contains(status.getValue()) ? status.getValue() : StatusSelection.ALL;
        actionNames.clear();
        every.forEach(r -> actionNames.put(r.key().code(), r.key().displayCode() + " " + r.key().name(getLocale())));
        status.setItems(items);
        status.setValue(kept);
    }

    private final Map<Integer, String> actionNames = new HashMap<>();

    private String statusLabel(StatusSelection sel) {
        if (sel == null || sel.all()) {
            return getTranslation("oks.adminui.analytics.allStatuses");
        }
        if (sel.actionCode() != null) {
            return "\u2003" + actionNames.getOrDefault(sel.actionCode(), sel.group().number() + "-" + sel.actionCode());
        }
        return sel.group().number() + " — " + getTranslation(sel.group().messageKey());
    }

    /** What is chosen and how many cases it holds, opening their list. */
    private void showChosen(StatusSelection sel, List<AgeRow<StatusGroup>> groups) {
        chosen.removeAll();
        chosen.setVisible(!sel.all());
        if (sel.all()) {
            return;
        }
        long n = groups.stream().mapToLong(AgeRow::count).sum();
        chosen.getElement().setAttribute("data-value", Long.toString(n));
        Anchor list = new Anchor(DrillDown.href(DrillDown.selected(sel)),
                getTranslation("oks.adminui.analytics.chosen", statusLabel(sel).strip(), n));
        list.getElement().setAttribute("router-link", true);
        chosen.add(list);
    }

    // ---- overdue against the deadline

    private void overdue(PortalUser actor, StatusSelection sel) {
        List<String> headers = List.of(th("col.current"), th("col.overdue"));
        current.add(new H3(getTranslation("oks.adminui.analytics.overdueTitle")));
        current.add(new Paragraph(getTranslation("oks.adminui.analytics.overdueNote")));
        current.add(table("oks-table-overdue-groups", getTranslation("oks.adminui.analytics.overdueByGroup"),
                prepend(th("col.status"), headers), AnalyticsTables.overdueByGroup(analytics.overdueByGroup(actor, sel), sel),
                line -> {
                    String name = getTranslation(line.key().messageKey());
                    return List.of(new Span(name), link(line, 0, name, "col.current"), link(line, 1, name, "col.overdue"));
                }));
        current.add(table("oks-table-overdue-executors", getTranslation("oks.adminui.analytics.overdueByExecutor"),
                prepend(th("col.executor"), headers),
                AnalyticsTables.overdueByExecutor(analytics.overdueByExecutor(actor, sel), sel), line -> {
                    String name = line.key().id() == null ? getTranslation("oks.adminui.report.noExecutor")
                            : line.key().name();
                    return List.of(new Span(name), link(line, 0, name, "col.current"), link(line, 1, name, "col.overdue"));
                }));
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** The XLSX of (a)–(c) as on screen; texts are taken now, on the UI thread, in the page's language. */
    private DownloadHandler currentDownload(ReportWorkbook.CurrentTables tables) {
        Map<String, String> texts = new HashMap<>();
        for (String key : ReportWorkbook.CURRENT_KEYS) {
            texts.put(key, getTranslation(key));
        }
        for (StatusGroup g : StatusGroup.values()) {
            texts.put(g.messageKey(), getTranslation(g.messageKey()));
        }
        for (ResponsibleGroup r : ResponsibleGroup.values()) {
            texts.put(r.messageKey(), getTranslation(r.messageKey()));
        }
        Map<Integer, String> names = new HashMap<>();
        tables.actions().forEach(r -> names.put(r.key().code(), r.key().name(getLocale())));
        return DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ReportWorkbook.writeCurrent(tables, texts::get, a -> names.getOrDefault(a.code(), a.name()), out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] bytes = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), ReportWorkbook.fileName(tables),
                    ReportWorkbook.CONTENT_TYPE, bytes.length);
        });
    }

    // ---- (a)-(c): the current tables

    private List<Component> groupRow(Line<StatusGroup> line) {
        String name = getTranslation(line.key().messageKey());
        return List.of(new Span(name), link(line, 0, name, "col.count"), link(line, 1, name, "col.over7"),
                link(line, 2, name, "col.over30"));
    }

    private List<Component> responsibilityRow(Line<ResponsibleGroup> line) {
        String name = getTranslation(line.key().messageKey());
        return List.of(new Span(name), link(line, 0, name, "col.count"));
    }

    private List<Component> actionRow(Line<WorkflowAction> line) {
        WorkflowAction a = line.key();
        String name = a.displayCode() + " " + a.name(getLocale());
        return List.of(new Span(a.displayCode()), new Span(getTranslation(a.group().messageKey())), new Span(a.name(getLocale())),
                link(line, 0, name, "col.count"), link(line, 1, name, "col.over7"), link(line, 2, name, "col.over30"),
                new Span(getTranslation(a.responsible().messageKey())));
    }

    private Component link(Line<?> line, int index, String rowName, String column) {
        Component c = CellLink.of(this, line.cells().get(index), rowName + ", " + th(column));
        c.getElement().setAttribute("data-column", column.substring(4));
        return c;
    }

    // ---- (d): the period report

    private Component reportTab() {
        LocalDate today = LocalDate.now(zone);
        from.setLabel(getTranslation("oks.adminui.report.from"));
        from.setId("oks-report-from");
        from.setValue(today.withDayOfMonth(1));
        to.setLabel(getTranslation("oks.adminui.report.to"));
        to.setId("oks-report-to");
        to.setValue(today.withDayOfMonth(today.lengthOfMonth()));
        for (DatePicker p : List.of(from, to)) {
            UiSupport.localise(p);
        }
        Button show = new Button(getTranslation("oks.adminui.report.show"), e -> showReport());
        show.setId("oks-report-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        export.setId("oks-report-export");
        export.add(VaadinIcon.DOWNLOAD.create(), new Span(" " + getTranslation("oks.adminui.report.export")));
        HorizontalLayout bar = new HorizontalLayout(from, to, show, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        VerticalLayout tab = new VerticalLayout(bar, reportBody);
        tab.setPadding(false);
        return tab;
    }

    private void showReport() {
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        reportBody.removeAll();
        if (f == null || t == null || f.isAfter(t)) {
            report = null;
            export.setEnabled(false);
            Paragraph bad = new Paragraph(getTranslation("oks.adminui.report.badPeriod"));
            bad.getElement().setAttribute("role", "alert");
            bad.getStyle().set("color", "var(--lumo-error-text-color)");
            reportBody.add(bad);
            return;
        }
        PortalUser actor = actor();
        load(() -> {
            report = analytics.periodReport(actor, f, t);
            PeriodReport r = report;
            List<Cell> totals = AnalyticsTables.totals(r);
            String period = getTranslation("oks.adminui.report.period", DisplayFormats.DATE.format(r.from()), DisplayFormats.DATE.format(r.to()));
            reportBody.add(new H3(period));
            HorizontalLayout figures = new HorizontalLayout(
                    figure("registered", getTranslation("oks.adminui.report.registered"),
                            CellLink.of(this, totals.get(0), getTranslation("oks.adminui.report.registered"))),
                    figure("fixed", getTranslation("oks.adminui.report.fixed"),
                            CellLink.of(this, totals.get(1), getTranslation("oks.adminui.report.fixed"))),
                    figure("average", getTranslation("oks.adminui.report.averageDays"), new Span(days(r.averageDaysToFix()))));
            figures.setWrap(true);
            reportBody.add(figures);
            // one bucket for the bars, the title and the table: days, weeks or months
            DailyChart.Step step = DailyChart.step(r.daily().size());
            String chartTitle = getTranslation("oks.adminui.report.chart.title." + step.name());
            Svg chart = new Svg(DailyChart.svg(r.daily(), new DailyChart.Labels(
                    chartTitle, getTranslation("oks.adminui.report.registered"),
                    getTranslation("oks.adminui.report.fixed"), getTranslation("oks.adminui.report.chart.valueAxis"),
                    getTranslation("oks.adminui.report.chart.dateAxis"),
                    getTranslation("oks.adminui.report.chart.summary", period, r.registered(), r.fixed()),
                    getTranslation("oks.adminui.report.chart.empty"))));
            chart.setId("oks-report-chart");
            chart.getElement().setAttribute("data-step", step.name());
            chart.getElement().getStyle().set("width", "100%");
            reportBody.add(chart);
            Details data = new Details(getTranslation("oks.adminui.report.chart.data"),
                    table("oks-table-daily", chartTitle,
                            List.of(getTranslation("oks.adminui.report.bucket." + step.name()),
                                    getTranslation("oks.adminui.report.registered"), getTranslation("oks.adminui.report.fixed")),
                            AnalyticsTables.chartData(r), line -> bucketRow(line, step)));
            data.setId("oks-report-daily");
            reportBody.add(data);
            reportBody.add(breakdownTable("oks-table-by-type", getTranslation("oks.adminui.report.byType"),
                    getTranslation("oks.adminui.report.type"), getTranslation("oks.adminui.report.noType"),
                    AnalyticsTables.byType(r)));
            reportBody.add(breakdownTable("oks-table-by-executor", getTranslation("oks.adminui.report.byExecutor"),
                    getTranslation("oks.adminui.report.executor"), getTranslation("oks.adminui.report.noExecutor"),
                    AnalyticsTables.byExecutor(r)));
            export.setHref(workbookDownload(r));
            export.setEnabled(true);
        });
    }

    private List<Component> bucketRow(Line<DailyChart.Bucket> line, DailyChart.Step step) {
        DailyChart.Bucket b = line.key();
        String when = switch (step) {
            case DAY -> DisplayFormats.DATE.format(b.first());
            case WEEK -> DisplayFormats.DATE.format(b.first()) + " – " + DisplayFormats.DATE.format(b.last());
            case MONTH -> {
                String month = DateTimeFormatter.ofPattern("LLLL yyyy", getLocale() == null ? Locale.ROOT : getLocale())
                        .format(b.first());
                yield Character.toUpperCase(month.charAt(0)) + month.substring(1);
            }
        };
        return List.of(new Span(when),
                CellLink.of(this, line.cells().get(0), when + ", " + getTranslation("oks.adminui.report.registered")),
                CellLink.of(this, line.cells().get(1), when + ", " + getTranslation("oks.adminui.report.fixed")));
    }

    private Component breakdownTable(String id, String caption, String what, String none, List<ReportLine> lines) {
        if (lines.isEmpty()) {
            VerticalLayout empty = new VerticalLayout(new H3(caption),
                    new Paragraph(getTranslation("oks.adminui.report.emptyLines")));
            empty.setPadding(false);
            empty.setId(id);
            return empty;
        }
        return table(id, caption, List.of(what, getTranslation("oks.adminui.report.registered"),
                getTranslation("oks.adminui.report.fixed"), getTranslation("oks.adminui.report.averageDays")), lines,
                l -> {
                    String name = l.source().id() == null || l.source().name() == null ? none : l.source().name();
                    return List.of(new Span(name),
                            CellLink.of(this, l.registered(), name + ", " + getTranslation("oks.adminui.report.registered")),
                            CellLink.of(this, l.fixed(), name + ", " + getTranslation("oks.adminui.report.fixed")),
                            new Span(days(l.source().averageDaysToFix())));
                });
    }

    private Component figure(String key, String label, Component value) {
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        value.getElement().getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        VerticalLayout box = new VerticalLayout(caption, value);
        box.setSpacing(false);
        box.setId("oks-report-" + key);
        box.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        box.setWidth("14rem");
        return box;
    }

    private String days(Double value) {
        return value == null ? getTranslation("oks.adminui.report.none")
                : String.format(getLocale() == null ? Locale.ROOT : getLocale(), "%.1f", value);
    }

    /** The XLSX of the report on screen; texts are taken now, on the UI thread, in the page's language. */
    private DownloadHandler workbookDownload(PeriodReport r) {
        Map<String, String> texts = new HashMap<>();
        for (String key : ReportWorkbook.MESSAGE_KEYS) {
            texts.put(key, getTranslation(key));
        }
        return DownloadHandler.fromInputStream(event -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ReportWorkbook.write(r, texts::get, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] bytes = out.toByteArray();
            return new DownloadResponse(new ByteArrayInputStream(bytes), ReportWorkbook.fileName(r),
                    ReportWorkbook.CONTENT_TYPE, bytes.length);
        });
    }

    // ---- shared drawing

    private <T> Component table(String id, String caption, List<String> headers, List<T> rows,
            java.util.function.Function<T, List<Component>> cells) {
        return HtmlTable.of(id, caption, headers, rows, cells, getTranslation("oks.adminui.analytics.noRows"));
    }

    private String th(String key) {
        return getTranslation("oks.adminui.analytics." + key);
    }

    private Component tab(String key) {
        Span label = new Span(getTranslation("oks.adminui.analytics.tab." + key));
        label.setId("oks-tab-" + key);
        return label;
    }

    private PortalUser actor() {
        return currentUser.get().orElseThrow(() -> new IllegalStateException("analytics opened without a session"));
    }

    /** Runs one part's loading; a refusal or failure is shown without breaking the other parts. */
    void load(Runnable part) {
        try {
            part.run();
        } catch (OksException e) {
            Feedback.error(getTranslation(e.messageKey(), e.args()));
        } catch (RuntimeException e) {
            Feedback.error(getTranslation("oks.adminui.analytics.failed", UiSupport.logFailure(LOG, "Analytics failed", e)));
        }
    }
}
