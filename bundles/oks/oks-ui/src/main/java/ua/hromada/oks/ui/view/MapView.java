package ua.hromada.oks.ui.view;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;

import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.Violations;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * The OKS workspace ({@code oks/map}): the community's map with every current violation (colour
 * by status group, overdue ringed, clusters aggregated by the service per visible area), its
 * legend, and beside it the latest events, refreshed while the page is open.
 */
public class MapView extends HorizontalLayout {

    private static final long serialVersionUID = 1L;

    private final transient Violations violations;
    private final transient PortalUser user;
    private final ZoneId zone;
    private final int eventCount;
    private final int refreshSeconds;
    private final PortalMap map;
    private final VerticalLayout events = new VerticalLayout();
    private Registration poll;
    private int previousPollInterval = -1;

    public MapView(Violations violations, MapSettings settings, PortalUser user, ZoneId zone, int eventCount,
            int refreshSeconds) {
        this.violations = violations;
        this.user = user;
        this.zone = zone;
        this.eventCount = eventCount;
        this.refreshSeconds = refreshSeconds;
        setId("oks-map-view");
        setSizeFull();
        setPadding(true);
        map = new PortalMap(settings);
        if (!OksUi.mayRead(user)) {
            add(OksUi.noAccess(this));
            return;
        }
        map.setId("oks-map");
        map.setSizeFull();
        map.setLegend(StatusColors.legend(this));
        map.setFeatureSource((bbox, zoom) -> {
            try {
                return ViolationFeatures.features(violations.mapPoints(user, bbox.south(), bbox.west(), bbox.north(),
                        bbox.east(), zoom), (key, args) -> getTranslation(key, args), zone);
            } catch (OksException e) {
                return List.of();
            }
        });
        Div mapBox = new Div(map);
        // Leaflet's z-indexes stay inside the box, under the portal's dialogs and menus
        mapBox.getStyle().set("isolation", "isolate").set("flex", "1 1 auto").set("min-width", "20rem").set("height", "calc(100vh - 9rem)");

        events.setId("oks-events");
        events.setPadding(false);
        events.setSpacing(false);
        H3 eventsTitle = new H3(getTranslation("oks.ui.map.events"));
        eventsTitle.getStyle().set("margin-top", "0");
        VerticalLayout side = new VerticalLayout(new H2(getTranslation("oks.ui.map.title")), eventsTitle, events);
        side.setPadding(false);
        side.setWidth("22rem");
        side.getStyle().set("flex", "0 0 22rem").set("overflow-y", "auto").set("height", "calc(100vh - 9rem)");
        add(mapBox, side);
        setFlexGrow(1, mapBox);
        refreshEvents();
    }

    /** The latest journal rows the user may see, newest first. */
    private void refreshEvents() {
        events.removeAll();
        List<JournalEntry> latest;
        try {
            latest = violations.latestEvents(user, eventCount);
        } catch (OksException e) {
            latest = List.of();
        }
        if (latest.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("oks.ui.map.noEvents"));
            none.setId("oks-events-empty");
            events.add(none);
            return;
        }
        for (JournalEntry e : latest) {
            Div item = new Div();
            item.addClassName("oks-event");
            item.getElement().setAttribute("data-violation", Long.toString(e.violationId()));
            item.getStyle().set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                    .set("width", "100%");
            Span when = new Span(OksUi.dateTime(e.at(), zone));
            when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Anchor link = new Anchor(OksUi.CARD_ROUTE + e.violationId(),
                    getTranslation("oks.ui.map.eventViolation", Long.toString(e.violationId())));
            Span dot = new Span("\u25CF ");
            dot.getStyle().set("color", StatusColors.of(e.action() == null ? null : e.action().group()));
            Div line = new Div(dot, new Span(OksUi.status(e.action(), getLocale())));
            Div by = new Div(new Span(e.authorName() == null || e.authorName().isBlank() ? e.author() : e.authorName()));
            by.getStyle().set("font-size", "var(--lumo-font-size-s)");
            item.add(new Div(when, new Span(" · "), link), line, by);
            events.add(item);
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (!OksUi.mayRead(user)) {
            return;
        }
        UI ui = attachEvent.getUI();
        previousPollInterval = ui.getPollInterval();
        ui.setPollInterval(refreshSeconds * 1000);
        poll = ui.addPollListener(e -> {
            refreshEvents();
            map.refresh();
        });
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (poll != null) {
            poll.remove();
            poll = null;
            detachEvent.getUI().setPollInterval(previousPollInterval);
        }
        super.onDetach(detachEvent);
    }
}
