package ua.hromada.crm.ui.queue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.Queue;
import ua.hromada.crm.api.QueueGroup;
import ua.hromada.crm.api.Ticket;
import ua.hromada.crm.api.TicketStatus;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * The desk ({@code tsnap/cherha}): take a ticket for a visitor at the reception, and at a window call
 * the next ticket of the groups the window serves, start, finish (linking the case opened) or mark a
 * no-show; below, today's visitors with their waiting and service times.
 */
public class DeskView extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeskView.class);
    /** The window a person works at, kept for the session so a reload does not ask again. */
    private static final String WINDOW_ATTRIBUTE = "crm.queue.window";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final transient Queue queue;
    private final transient PortalUser user;
    private final ZoneId zone;
    private final ComboBox<QueueGroup> group = new ComboBox<>();
    private final IntegerField window = new IntegerField();
    private final CheckboxGroup<String> served = new CheckboxGroup<>();
    private final TextField caseNumber = new TextField();
    private final Span current = new Span();
    private final Button callNext = new Button();
    private final Button start = new Button();
    private final Button finish = new Button();
    private final Button noShow = new Button();
    private final Grid<Ticket> today = new Grid<>();
    private transient Ticket atWindow;

    public DeskView(Queue queue, PortalUser user, ZoneId zone) {
        this.queue = queue;
        this.user = user;
        this.zone = zone;
        setId("queue-desk-view");
        setSizeFull();
        add(new H2(getTranslation("crm.queue.desk.title")));
        add(reception(), desk(), new H3(getTranslation("crm.queue.today.title")), todayGrid());
        List<QueueGroup> groups = queue.groups(user);
        group.setItems(groups);
        served.setItems(groups.stream().map(QueueGroup::name).toList());
        served.setValue(new LinkedHashSet<>(groups.stream().map(QueueGroup::name).toList()));
        Object kept = VaadinSession.getCurrent() == null ? null : VaadinSession.getCurrent().getAttribute(WINDOW_ATTRIBUTE);
        if (kept instanceof Integer w) {
            window.setValue(w);
        }
        refresh();
    }

    private HorizontalLayout reception() {
        group.setId("queue-group");
        group.setLabel(getTranslation("crm.queue.desk.group"));
        group.setItemLabelGenerator(g -> g.letter() + " — " + g.name());
        group.setWidth("24rem");
        Button take = new Button(getTranslation("crm.queue.desk.take"), e -> take());
        take.setId("queue-take");
        take.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(group, take);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private VerticalLayout desk() {
        window.setId("queue-window");
        window.setLabel(getTranslation("crm.queue.desk.window"));
        window.setMin(1);
        window.setMax(999);
        window.setStepButtonsVisible(true);
        window.addValueChangeListener(e -> {
            window.setInvalid(false);
            if (e.getValue() != null && VaadinSession.getCurrent() != null) {
                VaadinSession.getCurrent().setAttribute(WINDOW_ATTRIBUTE, e.getValue());
            }
            refresh();
        });
        served.setId("queue-desk-groups");
        served.setLabel(getTranslation("crm.queue.desk.served"));
        caseNumber.setId("queue-case");
        caseNumber.setLabel(getTranslation("crm.queue.desk.case"));
        caseNumber.setHelperText(getTranslation("crm.queue.desk.caseHelp"));
        caseNumber.setClearButtonVisible(true);
        current.setId("queue-current");
        current.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        callNext.setText(getTranslation("crm.queue.desk.callNext"));
        callNext.setId("queue-call-next");
        callNext.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        callNext.addClickListener(e -> callNext());
        start.setText(getTranslation("crm.queue.desk.start"));
        start.setId("queue-start");
        start.addClickListener(e -> step(() -> queue.start(user, atWindow.id())));
        finish.setText(getTranslation("crm.queue.desk.finish"));
        finish.setId("queue-finish");
        finish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        finish.addClickListener(e -> step(() -> queue.finish(user, atWindow.id(), caseNumber.getValue())));
        noShow.setText(getTranslation("crm.queue.desk.noShow"));
        noShow.setId("queue-no-show");
        noShow.addThemeVariants(ButtonVariant.LUMO_ERROR);
        noShow.addClickListener(e -> step(() -> queue.noShow(user, atWindow.id())));
        Button reload = new Button(getTranslation("crm.queue.desk.refresh"), e -> refresh());
        reload.setId("queue-refresh");
        HorizontalLayout top = new HorizontalLayout(window, served);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWrap(true);
        HorizontalLayout buttons = new HorizontalLayout(callNext, start, caseNumber, finish, noShow, reload);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        buttons.setWrap(true);
        VerticalLayout desk = new VerticalLayout(top, current, buttons);
        desk.setPadding(false);
        return desk;
    }

    private Grid<Ticket> todayGrid() {
        today.setId("queue-today");
        today.setEmptyStateText(getTranslation("crm.queue.today.empty"));
        today.addColumn(Ticket::number).setHeader(getTranslation("crm.queue.today.number")).setAutoWidth(true);
        today.addColumn(Ticket::group).setHeader(getTranslation("crm.queue.today.group")).setAutoWidth(true);
        today.addColumn(t -> getTranslation("crm.queue.status." + t.status().name()))
                .setHeader(getTranslation("crm.queue.today.status")).setAutoWidth(true);
        today.addColumn(t -> time(t.takenAt())).setHeader(getTranslation("crm.queue.today.taken")).setAutoWidth(true);
        today.addColumn(t -> t.window() == 0 ? "" : String.valueOf(t.window()))
                .setHeader(getTranslation("crm.queue.today.window")).setAutoWidth(true);
        today.addColumn(t -> minutes(t.waiting())).setHeader(getTranslation("crm.queue.today.waiting")).setAutoWidth(true);
        today.addColumn(t -> minutes(t.service())).setHeader(getTranslation("crm.queue.today.service")).setAutoWidth(true);
        today.addColumn(Ticket::caseNumber).setHeader(getTranslation("crm.queue.today.case")).setAutoWidth(true);
        today.setSizeFull();
        return today;
    }

    private void take() {
        group.setInvalid(false);
        QueueGroup chosen = group.getValue();
        try {
            Ticket ticket = queue.take(user, chosen == null ? null : chosen.name());
            UiSupport.success(getTranslation("crm.queue.desk.taken", ticket.number()));
            refresh();
        } catch (CrmException e) {
            CrmUi.refused(this, e, Map.of("group", group));
        }
    }

    private void callNext() {
        window.setInvalid(false);
        served.setInvalid(false);
        Integer w = window.getValue();
        if (w == null) {
            window.setErrorMessage(getTranslation("crm.queue.error.window"));
            window.setInvalid(true);
            return;
        }
        try {
            Optional<Ticket> called = queue.callNext(user, w, Set.copyOf(served.getValue()));
            if (called.isEmpty()) {
                UiSupport.success(getTranslation("crm.queue.desk.nobody"));
            }
            refresh();
        } catch (CrmException e) {
            CrmUi.refused(this, e, Map.of("window", window, "groups", served));
            refresh();
        }
    }

    private void step(java.util.function.Supplier<Ticket> action) {
        caseNumber.setInvalid(false);
        if (atWindow == null) {
            refresh();
            return;
        }
        try {
            Ticket t = action.get();
            if (t.status() == TicketStatus.DONE || t.status() == TicketStatus.NO_SHOW) {
                caseNumber.clear();
            }
            refresh();
        } catch (CrmException e) {
            CrmUi.refused(this, e, Map.of("case", caseNumber));
            refresh();
        } catch (RuntimeException e) {
            UiSupport.error(getTranslation("crm.queue.failed", UiSupport.logFailure(LOG, "Queue step failed", e)));
        }
    }

    /** The window's ticket, the buttons it allows, and today's list, read again. */
    private void refresh() {
        Integer w = window.getValue();
        atWindow = w == null || w < 1 || w > 999 ? null : queue.atWindow(user, w).orElse(null);
        if (atWindow == null) {
            current.setText(getTranslation(w == null ? "crm.queue.desk.noWindow" : "crm.queue.desk.free"));
        } else {
            current.setText(getTranslation("crm.queue.desk.current", atWindow.number(), atWindow.group(),
                    getTranslation("crm.queue.status." + atWindow.status().name())));
        }
        TicketStatus status = atWindow == null ? null : atWindow.status();
        callNext.setEnabled(w != null && atWindow == null);
        start.setEnabled(status == TicketStatus.CALLED);
        noShow.setEnabled(status == TicketStatus.CALLED);
        finish.setEnabled(status == TicketStatus.SERVING);
        caseNumber.setEnabled(status == TicketStatus.SERVING);
        today.setItems(queue.today(user));
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    private String minutes(Duration d) {
        return d == null ? "" : getTranslation("crm.queue.minutes", d.toMinutes(), d.toSecondsPart());
    }
}
