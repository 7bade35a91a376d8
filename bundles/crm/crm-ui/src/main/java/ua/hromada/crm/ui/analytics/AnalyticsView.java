package ua.hromada.crm.ui.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import ua.hromada.crm.api.CrmAnalytics;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.RuleFindings;
import ua.hromada.crm.api.ServiceTimes;
import ua.hromada.crm.api.SlaBreaches;
import ua.hromada.crm.api.Topic;
import ua.hromada.crm.api.TopicMonth;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The head's analytics ({@code tsnap/analityka}) over a period: processing time per service (median
 * and 90th percentile, hours), deadline breaches, what the verification caught by rule and how much
 * was overridden, requests by topic and month; each table with simple bars and an empty state, the
 * whole as one XLSX.
 */
public class AnalyticsView extends VerticalLayout {
    static final String ROUTE = "tsnap/analityka";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsView.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String BLUE = "var(--lumo-primary-color)";
    private static final String RED = "var(--lumo-error-color)";

    private final transient CrmAnalytics analytics;
    private final transient PortalUser user;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<Topic> topic = new Select<>();
    private final Grid<ServiceTimes> times = new Grid<>();
    private final Grid<SlaBreaches> breaches = new Grid<>();
    private final Grid<RuleFindings> findings = new Grid<>();
    private final Grid<TopicMonth> topics = new Grid<>();

    public AnalyticsView(CrmAnalytics analytics, PortalUser user, PortalSettings settings) {
        this.analytics = analytics;
        this.user = user;
        setId("analytics-view");
        add(new H2(getTranslation("crm.analytics.title")));
        LocalDate today = settings.today();
        date(from, "analytics-from", "crm.analytics.from", today.withDayOfMonth(1).minusMonths(11));
        date(to, "analytics-to", "crm.analytics.to", today);
        topic.setId("analytics-topic");
        topic.setLabel(getTranslation("crm.analytics.topicBy"));
        topic.setItems(Topic.values());
        topic.setItemLabelGenerator(t -> getTranslation("crm.analytics.topic." + t.name()));
        topic.setValue(Topic.SERVICE);
        topic.addValueChangeListener(e -> load());
        Anchor export = new Anchor(UiSupport.download(() -> "analityka-" + from.getValue() + "-" + to.getValue() + ".xlsx",
                XLSX, LOG, "Export of the CRM analytics failed",
                out -> out.write(analytics.export(user, from.getValue(), to.getValue(), getLocale()))),
                AttachmentType.DOWNLOAD, "");
        export.add(VaadinIcon.DOWNLOAD.create());
        export.add(getTranslation("crm.analytics.export"));
        export.setId("analytics-export");
        HorizontalLayout bar = new HorizontalLayout(from, to, topic, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        add(bar);
        configure();
        load();
    }

    private void date(DatePicker picker, String id, String label, LocalDate value) {
        picker.setId(id);
        picker.setLabel(getTranslation(label));
        UiSupport.localise(picker);
        picker.setValue(value);
        picker.addValueChangeListener(e -> load());
    }

    private void configure() {
        section("crm.analytics.times.title", times, "analytics-times", "crm.analytics.times.empty");
        times.addColumn(ServiceTimes::code).setHeader(getTranslation("crm.analytics.col.code")).setAutoWidth(true);
        times.addColumn(ServiceTimes::service).setHeader(getTranslation("crm.analytics.col.service")).setFlexGrow(1);
        times.addColumn(ServiceTimes::issued).setHeader(getTranslation("crm.analytics.col.issued")).setAutoWidth(true);
        times.addColumn(new ComponentRenderer<>(t -> Bars.bar(t.medianHours(), maxP90(), BLUE)))
                .setHeader(getTranslation("crm.analytics.col.median")).setAutoWidth(true);
        times.addColumn(new ComponentRenderer<>(t -> Bars.bar(t.p90Hours(), maxP90(), BLUE)))
                .setHeader(getTranslation("crm.analytics.col.p90")).setAutoWidth(true);

        section("crm.analytics.sla.title", breaches, "analytics-sla", "crm.analytics.sla.empty");
        breaches.addColumn(SlaBreaches::code).setHeader(getTranslation("crm.analytics.col.code")).setAutoWidth(true);
        breaches.addColumn(SlaBreaches::service).setHeader(getTranslation("crm.analytics.col.service")).setFlexGrow(1);
        breaches.addColumn(SlaBreaches::cases).setHeader(getTranslation("crm.analytics.col.cases")).setAutoWidth(true);
        breaches.addColumn(new ComponentRenderer<>(b -> Bars.bar(b.issuedLate(), maxBreaches(), RED)))
                .setHeader(getTranslation("crm.analytics.col.late")).setAutoWidth(true);
        breaches.addColumn(new ComponentRenderer<>(b -> Bars.bar(b.openOverdue(), maxBreaches(), RED)))
                .setHeader(getTranslation("crm.analytics.col.overdue")).setAutoWidth(true);

        section("crm.analytics.findings.title", findings, "analytics-findings", "crm.analytics.findings.empty");
        findings.addColumn(f -> getTranslation("crm.analytics.rule." + f.rule()))
                .setHeader(getTranslation("crm.analytics.col.rule")).setFlexGrow(1);
        findings.addColumn(new ComponentRenderer<>(f -> Bars.bar(f.fired(), maxFired(), BLUE)))
                .setHeader(getTranslation("crm.analytics.col.fired")).setAutoWidth(true);
        findings.addColumn(RuleFindings::cases).setHeader(getTranslation("crm.analytics.col.casesFired")).setAutoWidth(true);
        findings.addColumn(RuleFindings::overridden).setHeader(getTranslation("crm.analytics.col.overridden"))
                .setAutoWidth(true);

        section("crm.analytics.topics.title", topics, "analytics-topics", "crm.analytics.topics.empty");
        topics.addColumn(t -> t.month().toString()).setHeader(getTranslation("crm.analytics.col.month")).setAutoWidth(true);
        topics.addColumn(t -> t.topic().isEmpty() ? getTranslation("crm.analytics.noGroup") : t.topic())
                .setHeader(getTranslation("crm.analytics.col.topic")).setFlexGrow(1);
        topics.addColumn(new ComponentRenderer<>(t -> Bars.bar(t.cases(), maxTopic(), BLUE)))
                .setHeader(getTranslation("crm.analytics.col.cases")).setAutoWidth(true);
    }

    private void section(String title, Grid<?> grid, String id, String empty) {
        grid.setId(id);
        grid.setEmptyStateText(getTranslation(empty));
        grid.setAllRowsVisible(true);
        grid.setMaxHeight("32rem");
        add(new H3(getTranslation(title)), grid);
    }

    private void load() {
        from.setInvalid(false);
        to.setInvalid(false);
        try {
            times.setItems(analytics.serviceTimes(user, from.getValue(), to.getValue()));
            breaches.setItems(analytics.slaBreaches(user, from.getValue(), to.getValue()));
            findings.setItems(analytics.findings(user, from.getValue(), to.getValue()));
            topics.setItems(analytics.topics(user, from.getValue(), to.getValue(), topic.getValue()));
        } catch (CrmException e) {
            CrmUi.refused(this, e, Map.of("from", from, "to", to));
            times.setItems(List.of());
            breaches.setItems(List.of());
            findings.setItems(List.of());
            topics.setItems(List.of());
        }
    }

    private double maxP90() {
        return items(times).stream().mapToDouble(ServiceTimes::p90Hours).max().orElse(1);
    }

    private double maxBreaches() {
        return items(breaches).stream().mapToDouble(b -> Math.max(b.issuedLate(), b.openOverdue())).max().orElse(1);
    }

    private double maxFired() {
        return items(findings).stream().mapToDouble(RuleFindings::fired).max().orElse(1);
    }

    private double maxTopic() {
        return items(topics).stream().mapToDouble(TopicMonth::cases).max().orElse(1);
    }

    private static <T> List<T> items(Grid<T> grid) {
        return grid.getListDataView().getItems().toList();
    }
}
