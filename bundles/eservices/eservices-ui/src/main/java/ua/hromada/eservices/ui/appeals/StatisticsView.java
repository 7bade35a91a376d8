package ua.hromada.eservices.ui.appeals;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.Grid.Column;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.ValueProvider;

import ua.hromada.eservices.api.AppealStatistics;
import ua.hromada.eservices.api.Appeals;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.ui.appeals.StatisticsRows.Grouping;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * Appeal statistics ({@code eservices/appeals/statistics}) for a date range: by month, topic and
 * unit or summed by one of them, with the total and a CSV export of what is shown. The user's
 * units only, or every unit for a manager (the service's answer).
 */
public class StatisticsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsView.class);
    private static final List<String> HEADER_KEYS = List.of("month", "topic", "unit", "received", "answered",
            "answeredLate", "overdueNow");

    private final transient Appeals appeals;
    private final transient PortalUser user;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<Grouping> grouping = new Select<>();
    private final Grid<AppealStatistics> grid = new Grid<>();
    private final Paragraph message = new Paragraph();
    private final List<Column<AppealStatistics>> columns;
    /** What the grid shows; the export writes the same rows. */
    private volatile List<AppealStatistics> shown = List.of();

    public StatisticsView(Appeals appeals, PortalUser user, LocalDate today) {
        this.appeals = appeals;
        this.user = user;
        setId("eservices-statistics-view");
        setSizeFull();
        add(new H2(getTranslation("eservices.ui.appeal.stats.title")));
        from.setId("eservices-stats-from");
        from.setLabel(getTranslation("eservices.ui.appeal.stats.from"));
        UiSupport.localise(from);
        from.setValue(today.withDayOfMonth(1).minusMonths(11));
        to.setId("eservices-stats-to");
        to.setLabel(getTranslation("eservices.ui.appeal.stats.to"));
        UiSupport.localise(to);
        to.setValue(today);
        grouping.setId("eservices-stats-grouping");
        grouping.setLabel(getTranslation("eservices.ui.appeal.stats.grouping"));
        grouping.setItems(Grouping.values());
        grouping.setItemLabelGenerator(g -> getTranslation("eservices.ui.appeal.stats.by." + g.name()));
        grouping.setValue(Grouping.DETAIL);
        Anchor export = new Anchor(UiSupport.download(() -> "zvernennia-statystyka-" + from.getValue() + "-"
                + to.getValue() + ".csv", "text/csv; charset=UTF-8", LOG, "Export of appeal statistics failed",
                out -> StatisticsRows.csv(shown, HEADER_KEYS.stream()
                        .map(k -> getTranslation("eservices.ui.appeal.stats.col." + k)).toList(), out)),
                AttachmentType.DOWNLOAD, getTranslation("eservices.ui.appeal.stats.export"));
        export.setId("eservices-stats-export");
        HorizontalLayout bar = new HorizontalLayout(from, to, grouping, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        message.setId("eservices-stats-message");
        message.getElement().setAttribute("role", "alert");
        message.getStyle().set("color", "var(--lumo-error-text-color)");
        message.setVisible(false);
        columns = configureGrid();
        from.addValueChangeListener(e -> load());
        to.addValueChangeListener(e -> load());
        grouping.addValueChangeListener(e -> load());
        add(bar, message, grid);
        load();
    }

    private List<Column<AppealStatistics>> configureGrid() {
        grid.setId("eservices-stats-grid");
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("eservices.ui.appeal.stats.empty"));
        return List.of(column(AppealStatistics::month, "month"), column(AppealStatistics::topicName, "topic"),
                column(AppealStatistics::unitName, "unit"), column(AppealStatistics::received, "received"),
                column(AppealStatistics::answered, "answered"), column(AppealStatistics::answeredLate, "answeredLate"),
                column(AppealStatistics::overdueNow, "overdueNow"));
    }

    private Column<AppealStatistics> column(ValueProvider<AppealStatistics, ?> value, String key) {
        return grid.addColumn(value).setHeader(getTranslation("eservices.ui.appeal.stats.col." + key)).setAutoWidth(true)
                .setKey(key);
    }

    private void load() {
        message.setVisible(false);
        to.setInvalid(false);
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        if (start == null || end == null || end.isBefore(start)) {
            to.setErrorMessage(getTranslation("eservices.ui.appeal.stats.badRange"));
            to.setInvalid(true);
            show(List.of());
            return;
        }
        try {
            show(StatisticsRows.group(appeals.statistics(user, start, end), grouping.getValue()));
        } catch (EservicesException e) {
            String period = e.fieldErrors().get("period");
            if (period != null) {
                // the range the service allows (e.g. at most some years) is its rule, said at the dates
                to.setErrorMessage(getTranslation(period));
                to.setInvalid(true);
            } else {
                message.setText(AppealsUi.reason(this, e));
                message.setVisible(true);
            }
            show(List.of());
        }
    }

    private void show(List<AppealStatistics> rows) {
        shown = rows;
        grid.setItems(rows);
        Grouping by = grouping.getValue();
        columns.get(0).setVisible(by == Grouping.DETAIL || by == Grouping.MONTH);
        columns.get(1).setVisible(by == Grouping.DETAIL || by == Grouping.TOPIC);
        columns.get(2).setVisible(by == Grouping.DETAIL || by == Grouping.UNIT);
        AppealStatistics total = StatisticsRows.total(rows);
        columns.get(0).setFooter(getTranslation("eservices.ui.appeal.stats.total"));
        columns.get(1).setFooter(by == Grouping.TOPIC ? getTranslation("eservices.ui.appeal.stats.total") : "");
        columns.get(2).setFooter(by == Grouping.UNIT ? getTranslation("eservices.ui.appeal.stats.total") : "");
        columns.get(3).setFooter(Integer.toString(total.received()));
        columns.get(4).setFooter(Integer.toString(total.answered()));
        columns.get(5).setFooter(Integer.toString(total.answeredLate()));
        columns.get(6).setFooter(Integer.toString(total.overdueNow()));
    }
}
