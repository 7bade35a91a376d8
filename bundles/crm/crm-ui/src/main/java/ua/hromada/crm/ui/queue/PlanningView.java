package ua.hromada.crm.ui.queue;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.component.html.AttachmentType;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.LoadCell;
import ua.hromada.crm.api.LoadPlan;
import ua.hromada.crm.api.Queue;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.PortalSettings;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * Shift planning ({@code tsnap/planuvannia}): a heat map of visitors per hour (rows) and weekday
 * (columns) over the last weeks, each cell with the administrators suggested, the formula and its
 * parameters said under it, and the table as XLSX.
 */
public class PlanningView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PlanningView.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One row of the map: an hour with its cell on each weekday. */
    record HourRow(int hour, Map<DayOfWeek, LoadCell> cells) {
    }

    private final transient Queue queue;
    private final transient PortalUser user;
    private final IntegerField weeks = new IntegerField();
    private final Grid<HourRow> grid = new Grid<>();
    private final Paragraph note = new Paragraph();
    private double peak = 1;

    public PlanningView(Queue queue, PortalUser user, PortalSettings settings) {
        this.queue = queue;
        this.user = user;
        setId("planning-view");
        setSizeFull();
        add(new H2(getTranslation("crm.queue.planning.title")));
        weeks.setId("planning-weeks");
        weeks.setLabel(getTranslation("crm.queue.planning.weeks"));
        weeks.setMin(1);
        weeks.setMax(104);
        weeks.setStepButtonsVisible(true);
        weeks.setValue(queue.planningWeeks());
        weeks.addValueChangeListener(e -> load());
        Anchor export = new Anchor(download(settings), AttachmentType.DOWNLOAD, "");
        export.add(VaadinIcon.DOWNLOAD.create());
        export.add(getTranslation("crm.queue.planning.export"));
        export.setId("planning-export");
        HorizontalLayout bar = new HorizontalLayout(weeks, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid.setId("planning-grid");
        grid.setEmptyStateText(getTranslation("crm.queue.planning.empty"));
        grid.addColumn(r -> String.format(Locale.ROOT, "%02d:00–%02d:00", r.hour(), r.hour() + 1))
                .setHeader(getTranslation("crm.queue.planning.hour")).setAutoWidth(true).setFrozen(true);
        Locale locale = getLocale() == null ? Locale.forLanguageTag("uk") : getLocale();
        for (DayOfWeek day : DayOfWeek.values()) {
            grid.addColumn(new ComponentRenderer<>(r -> cell(r.cells().get(day))))
                    .setHeader(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale)).setAutoWidth(true);
        }
        grid.setSizeFull();
        note.setId("planning-note");
        add(bar, note, grid);
        load();
    }

    private DownloadHandler download(PortalSettings settings) {
        return UiSupport.download(() -> "navantazhennia-" + settings.today() + ".xlsx", XLSX, LOG,
                "Export of the load plan failed", out -> out.write(queue.exportLoad(user,
                        weeks.getValue() == null ? queue.planningWeeks() : weeks.getValue(), getLocale())));
    }

    private void load() {
        weeks.setInvalid(false);
        Integer w = weeks.getValue();
        if (w == null) {
            weeks.setErrorMessage(getTranslation("crm.queue.error.weeks"));
            weeks.setInvalid(true);
            return;
        }
        try {
            LoadPlan plan = queue.load(user, w);
            peak = plan.cells().stream().mapToDouble(LoadCell::arrivals).max().orElse(1);
            grid.setItems(rows(plan));
            note.setText(getTranslation("crm.queue.planning.note", plan.from(), plan.to(),
                    String.format(Locale.ROOT, "%.1f", plan.meanServiceMinutes()),
                    getTranslation(plan.measured() ? "crm.queue.planning.measured" : "crm.queue.planning.configured"),
                    Math.round(plan.utilisation() * 100)));
        } catch (CrmException e) {
            CrmUi.refused(this, e, Map.of("weeks", weeks));
            grid.setItems(List.of());
        }
    }

    /** Every hour from the first to the last with any load; hours between without load stay as empty rows. */
    static List<HourRow> rows(LoadPlan plan) {
        List<HourRow> rows = new ArrayList<>();
        int first = plan.cells().stream().mapToInt(LoadCell::hour).min().orElse(0);
        int last = plan.cells().stream().mapToInt(LoadCell::hour).max().orElse(-1);
        for (int hour = first; hour <= last; hour++) {
            Map<DayOfWeek, LoadCell> cells = new EnumMap<>(DayOfWeek.class);
            for (LoadCell cell : plan.cells()) {
                if (cell.hour() == hour) {
                    cells.put(cell.weekday(), cell);
                }
            }
            rows.add(new HourRow(hour, cells));
        }
        return rows;
    }

    private Div cell(LoadCell cell) {
        Div div = new Div();
        if (cell == null) {
            return div;
        }
        // the darker the busier; text stays readable on both ends (dark text up to half, then white)
        double share = Math.min(1, cell.arrivals() / Math.max(peak, 0.0001));
        int lightness = (int) Math.round(95 - share * 60);
        div.getStyle().set("background", "hsl(210, 80%, " + lightness + "%)").set("color", lightness < 60 ? "#fff" : "#000")
                .set("padding", "0.25rem 0.5rem").set("border-radius", "4px").set("text-align", "center");
        Span visitors = new Span(String.format(Locale.ROOT, "%.1f", cell.arrivals()));
        Span people = new Span(" · " + getTranslation("crm.queue.planning.admins", cell.administrators()));
        div.add(visitors, people);
        div.getElement().setAttribute("title", getTranslation("crm.queue.planning.cellTitle",
                String.format(Locale.ROOT, "%.1f", cell.tickets()), String.format(Locale.ROOT, "%.1f", cell.cases()),
                cell.administrators()));
        return div;
    }
}
