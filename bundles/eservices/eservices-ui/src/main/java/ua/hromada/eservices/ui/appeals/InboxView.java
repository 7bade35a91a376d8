package ua.hromada.eservices.ui.appeals;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;

import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.eservices.api.AppealSummary;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.Unit;
import ua.hromada.eservices.api.Units;
import ua.hromada.eservices.ui.EservicesUi;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The appeals inbox ({@code eservices/appeals}): the appeals of the user's units (every unit's for a
 * manager; the service decides), filtered, read a page at a time. Overdue rows carry the word and an
 * icon besides their colour. The address keeps the filters ({@link InboxFilter}).
 */
public class InboxView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(InboxView.class);
    static final int PAGE = 50;
    private static final String ROW_PART = "eservices-overdue-row";
    private static final String CSS = "vaadin-grid#eservices-inbox-grid::part(" + ROW_PART + ") {"
            + " background-color: var(--lumo-error-color-10pct); }";

    private final transient Appeals appeals;
    private final transient PortalUser user;
    private final ZoneId zone;
    private final ComboBox<Unit> unit = new ComboBox<>();
    private final ComboBox<AppealStatus> status = new ComboBox<>();
    private final ComboBox<AppealTopic> topic = new ComboBox<>();
    private final TextField text = new TextField();
    private final Checkbox overdue = new Checkbox();
    private final Span count = new Span();
    private final Grid<AppealSummary> grid = new Grid<>();
    private InboxFilter filter = InboxFilter.NONE;
    /** While the fields are filled from the address, their change events must not filter again. */
    private boolean filling;

    public InboxView(Appeals appeals, Units units, AppealTopics topics, PortalUser user, ZoneId zone) {
        this.appeals = appeals;
        this.user = user;
        this.zone = zone;
        setId("eservices-inbox-view");
        setSizeFull();
        add(new H2(getTranslation("eservices.ui.appeal.inbox.title")));
        List<Unit> mine = units.unitsOf(user);
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("eservices.ui.appeal.inbox.noUnits"));
            none.setId("eservices-inbox-no-units");
            add(none);
        }
        filters(mine, topics.all());
        count.setId("eservices-inbox-count");
        count.getElement().setAttribute("role", "status");
        configureGrid();
        getElement().appendChild(new Element("style").setText(CSS));
        add(count, grid);
    }

    private void filters(List<Unit> mine, List<AppealTopic> allTopics) {
        unit.setId("eservices-inbox-unit");
        unit.setLabel(getTranslation("eservices.ui.appeal.f.unit"));
        unit.setItems(mine);
        unit.setItemLabelGenerator(Unit::name);
        unit.setPlaceholder(getTranslation("eservices.ui.appeal.inbox.allUnits"));
        unit.setClearButtonVisible(true);
        status.setId("eservices-inbox-status");
        status.setLabel(getTranslation("eservices.ui.appeal.f.status"));
        status.setItems(AppealStatus.values());
        status.setItemLabelGenerator(s -> AppealsUi.status(this, s));
        status.setPlaceholder(getTranslation("eservices.ui.appeal.inbox.anyStatus"));
        status.setClearButtonVisible(true);
        topic.setId("eservices-inbox-topic");
        topic.setLabel(getTranslation("eservices.ui.appeal.f.topic"));
        topic.setItems(allTopics);
        topic.setItemLabelGenerator(AppealTopic::name);
        topic.setPlaceholder(getTranslation("eservices.ui.appeal.inbox.anyTopic"));
        topic.setClearButtonVisible(true);
        text.setId("eservices-inbox-text");
        text.setLabel(getTranslation("eservices.ui.appeal.inbox.text"));
        text.setHelperText(getTranslation("eservices.ui.appeal.inbox.textHint"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        overdue.setId("eservices-inbox-overdue");
        overdue.setLabel(getTranslation("eservices.ui.appeal.inbox.overdueOnly"));
        Button reset = new Button(getTranslation("eservices.ui.appeal.inbox.reset"), VaadinIcon.CLOSE_SMALL.create(),
                e -> apply(InboxFilter.NONE));
        reset.setId("eservices-inbox-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        unit.addValueChangeListener(e -> changed());
        status.addValueChangeListener(e -> changed());
        topic.addValueChangeListener(e -> changed());
        text.addValueChangeListener(e -> changed());
        overdue.addValueChangeListener(e -> changed());
        HorizontalLayout bar = new HorizontalLayout(text, unit, status, topic, overdue, reset);
        bar.setId("eservices-inbox-filters");
        bar.setWrap(true);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        add(bar);
    }

    private void configureGrid() {
        grid.setId("eservices-inbox-grid");
        grid.setSizeFull();
        grid.addColumn(LitRenderer.<AppealSummary>of("<a href=\"${item.href}\">${item.number}</a>")
                .withProperty("href", a -> EservicesUi.APPEAL_PREFIX + a.id()).withProperty("number", AppealSummary::number))
                .setHeader(getTranslation("eservices.ui.appeal.f.number")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> DisplayFormats.dateTime(a.receivedAt(), zone)).setHeader(getTranslation("eservices.ui.appeal.f.received"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AppealSummary::topicName).setHeader(getTranslation("eservices.ui.appeal.f.topic")).setFlexGrow(2);
        grid.addColumn(AppealSummary::unitName).setHeader(getTranslation("eservices.ui.appeal.f.unit")).setFlexGrow(2);
        grid.addColumn(AppealSummary::applicantName).setHeader(getTranslation("eservices.ui.appeal.f.applicant"))
                .setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(a -> AppealsUi.statusBadge(this, a.status())))
                .setHeader(getTranslation("eservices.ui.appeal.f.status")).setAutoWidth(true);
        grid.addColumn(a -> a.executorName() == null ? "" : a.executorName())
                .setHeader(getTranslation("eservices.ui.appeal.f.executor")).setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(a -> AppealFacts.deadline(this, a.deadline(), a.overdue())))
                .setHeader(getTranslation("eservices.ui.appeal.f.deadline")).setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(a -> a.overdue() ? ROW_PART : null);
        grid.setEmptyStateText(getTranslation("eservices.ui.appeal.inbox.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(EservicesUi.APPEAL_PREFIX + e.getItem().id())));
        grid.setItems(DataProvider.fromCallbacks(q -> fetch(q.getOffset(), q.getLimit()), q -> count()));
    }

    private Stream<AppealSummary> fetch(int offset, int limit) {
        try {
            return appeals.find(user, filter.page(offset, Math.max(1, Math.min(limit, 500)))).stream();
        } catch (EservicesException e) {
            UiSupport.error(AppealsUi.reason(this, e));
            return Stream.empty();
        }
    }

    private int count() {
        int n;
        try {
            n = appeals.count(user, filter.page(0, PAGE));
        } catch (EservicesException e) {
            n = 0;
        }
        count.setText(getTranslation("eservices.ui.appeal.inbox.count", n));
        count.getElement().setAttribute("data-count", Integer.toString(n));
        return n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        InboxFilter wanted = InboxFilter.fromParameters(event.getLocation().getQueryParameters().getParameters());
        fill(wanted);
        grid.getDataProvider().refreshAll();
    }

    /** Shows a filter in the fields and lists what it matches. */
    void apply(InboxFilter wanted) {
        fill(wanted);
        refresh();
    }

    private void fill(InboxFilter wanted) {
        filling = true;
        try {
            filter = wanted;
            unit.setValue(wanted.unitId() == null ? null : unit.getListDataView().getItems()
                    .filter(u -> u.id() == wanted.unitId()).findFirst().orElse(null));
            status.setValue(wanted.status());
            topic.setValue(wanted.topicId() == null ? null : topic.getListDataView().getItems()
                    .filter(t -> t.id() == wanted.topicId()).findFirst().orElse(null));
            text.setValue(wanted.text() == null ? "" : wanted.text());
            overdue.setValue(wanted.overdueOnly());
        } finally {
            filling = false;
        }
    }

    private void changed() {
        if (filling) {
            return;
        }
        InboxFilter now = new InboxFilter(unit.getValue() == null ? null : unit.getValue().id(), status.getValue(),
                topic.getValue() == null ? null : topic.getValue().id(), AppealsUi.trimmed(text.getValue()),
                overdue.getValue());
        if (!Objects.equals(now, filter)) {
            filter = now;
            refresh();
        }
    }

    private void refresh() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location(EservicesUi.INBOX_ROUTE, new QueryParameters(filter.toParameters()))));
        grid.getDataProvider().refreshAll();
    }
}
