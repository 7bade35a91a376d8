package ua.hromada.oks.ui.view;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.OksCatalog;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.PhotoInfo;
import ua.hromada.oks.api.StatusGroup;
import ua.hromada.oks.api.StoredPhoto;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.Violations;
import ua.hromada.oks.api.WorkflowAction;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;
import ua.hromada.portal.ui.map.PortalMap;

/**
 * The violation card ({@code oks/violation/:id}): every field, a small map with the point, the
 * steps the user may take now (from the service) and the journal with its photos. An executor
 * opening a case of another organisation gets the same "not found" as for a missing one.
 */
public class ViolationCardView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ViolationCardView.class);
    /** Steps the card shows first and in colour: the inspector's decision on reported work. */
    private static final Set<ActionKind> PROMINENT = EnumSet.of(ActionKind.CONFIRMED, ActionKind.RETURNED);

    private final transient Violations violations;
    private final transient OksCatalog catalog;
    private final transient ViolationDocuments documents;
    private final transient ViolationPlaces places;
    private final transient MapSettings mapSettings;
    private final transient PortalUser user;
    private final ZoneId zone;

    /**
     * @param documents the printable documents, null when that bundle is not installed (the
     *                  buttons are then not shown)
     * @param places    the polygons of other modules around the point (the GIS), null when none runs
     */
    public ViolationCardView(Violations violations, OksCatalog catalog, ViolationDocuments documents,
            ViolationPlaces places, MapSettings mapSettings, PortalUser user, ZoneId zone) {
        this.violations = violations;
        this.catalog = catalog;
        this.documents = documents;
        this.places = places;
        this.mapSettings = mapSettings;
        this.user = user;
        this.zone = zone;
        setId("oks-card");
        setMaxWidth("75rem");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        if (!OksUi.mayRead(user)) {
            add(OksUi.noAccess(this));
            return;
        }
        Optional<Long> id = event.getRouteParameters().get("id").flatMap(ViolationCardView::parseId);
        show(id.orElse(-1L));
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void show(long id) {
        removeAll();
        Anchor back = new Anchor(OksUi.LIST_ROUTE, getTranslation("oks.ui.card.back"));
        back.setId("oks-card-back");
        Optional<Violation> found = id <= 0 ? Optional.empty() : find(id);
        if (found.isEmpty()) {
            Paragraph missing = new Paragraph(getTranslation("oks.ui.card.notFound"));
            missing.setId("oks-card-not-found");
            add(missing, back);
            return;
        }
        Violation v = found.get();
        H2 title = new H2(getTranslation("oks.ui.card.title", Long.toString(v.id())));
        title.setId("oks-card-title");
        HorizontalLayout heading = new HorizontalLayout(title, OksUi.groupBadge(this, v.group()));
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (v.overdue()) {
            Span late = new Span(getTranslation("oks.ui.card.overdue"));
            late.setId("oks-card-overdue");
            late.getElement().getThemeList().add("badge error primary");
            heading.add(late);
        }
        add(back, heading, buttons(v));

        HorizontalLayout top = new HorizontalLayout(details(v), smallMap(v));
        top.setWidthFull();
        top.setWrap(true);
        add(top);
        add(DocumentsPanel.of(documents, v, user, zone)); // issued documents, their numbers and signed copies

        add(new H3(getTranslation("oks.ui.card.journal")));
        add(journal(v));
    }

    private Optional<Violation> find(long id) {
        try {
            return violations.find(user, id);
        } catch (OksException e) {
            if (e.reason() == OksException.Reason.NOT_FOUND || e.reason() == OksException.Reason.FORBIDDEN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private FormLayout details(Violation v) {
        FormLayout form = new FormLayout();
        form.setId("oks-card-details");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setWidth("40rem");
        field(form, "oks.ui.card.id", Long.toString(v.id()), "oks-card-id");
        field(form, "oks.ui.card.inspector", v.inspectorName() == null || v.inspectorName().isBlank() ? v.inspector()
                : v.inspectorName(), "oks-card-inspector");
        field(form, "oks.ui.card.created", DisplayFormats.dateTime(v.createdAt(), zone), "oks-card-created");
        Span deadline = field(form, "oks.ui.card.deadline", DisplayFormats.date(v.deadline()), "oks-card-deadline");
        if (deadline != null && v.overdue()) {
            deadline.getStyle().set("color", StatusColors.OVERDUE).set("font-weight", "600");
        }
        field(form, "oks.ui.card.type", v.type() == null ? null : v.type().name(), "oks-card-type");
        field(form, "oks.ui.card.status", OksUi.status(v.lastAction(), getLocale()), "oks-card-status");
        if (v.description() != null && !v.description().isBlank()) {
            Span description = new Span(v.description());
            description.setId("oks-card-description");
            description.getStyle().set("white-space", "pre-wrap");
            form.setColspan(form.addFormItem(description, getTranslation("oks.ui.card.description")), 2);
        }
        field(form, "oks.ui.card.address", v.address(), "oks-card-address");
        field(form, "oks.ui.card.coordinates", String.format(java.util.Locale.ROOT, "%.6f, %.6f", v.latitude(), v.longitude()),
                "oks-card-coordinates");
        String around = places(v);
        if (around != null) {
            field(form, "oks.ui.card.places", around, "oks-card-places");
        }
        field(form, "oks.ui.card.urgency", getTranslation(v.urgency().messageKey()), "oks-card-urgency");
        field(form, "oks.ui.card.executor", v.executor() == null ? getTranslation("oks.ui.card.noExecutor")
                : v.executor().name(), "oks-card-executor");
        if (v.violator() != null) {
            String who = getTranslation("oks.ui.violator." + v.violator().kind().name()) + ": " + v.violator().name()
                    + (v.violator().details() == null || v.violator().details().isBlank() ? "" : " — " + v.violator().details());
            field(form, "oks.ui.card.violator", who, "oks-card-violator");
        }
        if (v.reporter() != null) {
            String name = String.join(" ", nonBlank(v.reporter().firstName()), nonBlank(v.reporter().lastName())).trim();
            String contact = String.join(" ", nonBlank(v.reporter().email()), nonBlank(v.reporter().phone())).trim();
            field(form, "oks.ui.card.reporter", (name + " " + contact).trim().isEmpty()
                    ? getTranslation("oks.ui.card.reporterAnonymous") : (name + " " + contact).trim(), "oks-card-reporter");
        }
        return form;
    }

    /** "Layer «name»; …" of the polygons containing the point, or null (none, or no GIS module). */
    private String places(Violation v) {
        if (places == null) {
            return null;
        }
        try {
            List<ViolationPlaces.Place> found = places.at(user, new GeoPoint(v.latitude(), v.longitude()));
            return found.isEmpty() ? null : found.stream()
                    .map(p -> p.name() == null || p.name().isBlank() ? p.layer() : p.layer() + " «" + p.name() + "»")
                    .collect(java.util.stream.Collectors.joining("; "));
        } catch (RuntimeException e) {
            // the GIS failing or going away must not take the card with it
            LOG.warn("Places of violation {} not read: {}", v.id(), e.toString());
            return null;
        }
    }

    private Component smallMap(Violation v) {
        GeoPoint point = new GeoPoint(v.latitude(), v.longitude());
        PortalMap map = new PortalMap(mapSettings);
        map.setId("oks-card-map");
        map.setWidth("100%");
        map.setHeight("280px");
        map.setView(point, 16);
        map.setSelectedPoint(point);
        Div box = new Div(map);
        // Leaflet's panes and controls carry z-indexes up to 1000: keep them inside the box, under dialogs
        box.getStyle().set("flex", "1 1 20rem").set("min-width", "16rem").set("isolation", "isolate");
        return box;
    }

    private HorizontalLayout buttons(Violation v) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("oks-card-actions");
        bar.setWrap(true);
        List<WorkflowAction> allowed;
        try {
            allowed = violations.allowedActions(user, v.id());
        } catch (OksException e) {
            allowed = List.of();
        }
        // the inspector's decision on reported work comes first
        allowed.stream().filter(a -> PROMINENT.contains(a.kind())).forEach(a -> bar.add(actionButton(v, a)));
        allowed.stream().filter(a -> !PROMINENT.contains(a.kind())).forEach(a -> bar.add(actionButton(v, a)));
        // which documents apply is the documents service's rule, not the card's
        Set<ViolationDocuments.Kind> printable = documents == null ? Set.of() : documents.available(user, v.id());
        for (ViolationDocuments.Kind kind : ViolationDocuments.Kind.values()) {
            if (printable.contains(kind)) {
                bar.add(documentLink(v, kind));
            }
        }
        if (v.group() == StatusGroup.CONFLICT && allowed.isEmpty()) {
            // this user cannot move a disputed case: say who does (the catalogue's responsible group)
            Paragraph hint = new Paragraph(getTranslation("oks.ui.card.conflictHint",
                    getTranslation(v.lastAction().responsible().messageKey())));
            hint.setId("oks-card-conflict-hint");
            hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
            bar.add(hint);
        }
        return bar;
    }

    private Button actionButton(Violation v, WorkflowAction action) {
        Button b = new Button(OksUi.doLabel(this, getLocale(), action), e -> {
            List<ua.hromada.oks.api.ExecutorOrganisation> executors = violations.stepInputs(action.key(), v.deadline() != null)
                    .shows(ua.hromada.oks.api.StepInputs.Input.EXECUTOR) ? catalog.executors(false) : List.of();
            new ActionDialog(violations, executors, user, v, action, () -> show(v.id())).open();
        });
        b.setId("oks-action-" + action.key());
        b.getElement().setAttribute("data-code", action.displayCode());
        if (action.kind() == ActionKind.CONFIRMED) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        } else if (action.kind() == ActionKind.RETURNED) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        } else if (action.kind() == ActionKind.ARCHIVED) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        }
        return b;
    }

    private Anchor documentLink(Violation v, ViolationDocuments.Kind kind) {
        String name = (kind == ViolationDocuments.Kind.WARNING ? "poperedzhennia-" : "protokol-") + v.id() + ".pdf";
        DownloadHandler pdf = DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = documents.render(user, v.id(), kind);
                return new DownloadResponse(new ByteArrayInputStream(bytes), name, "application/pdf", bytes.length);
            } catch (OksException e) {
                LOG.info("Document {} of violation {} refused: {}", kind, v.id(), e.getMessage());
                return DownloadResponse.error(e.reason() == OksException.Reason.NOT_FOUND ? 404 : 409);
            }
        });
        Button face = new Button(getTranslation("oks.ui.card.doc." + kind.name()), VaadinIcon.FILE_TEXT_O.create());
        face.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        Anchor link = new Anchor(pdf, AttachmentType.DOWNLOAD, "");
        link.add(face);
        link.setId("oks-doc-" + kind.name());
        return link;
    }

    private Grid<JournalEntry> journal(Violation v) {
        Grid<JournalEntry> grid = new Grid<>();
        grid.setId("oks-journal");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> DisplayFormats.dateTime(e.at(), zone)).setHeader(getTranslation("oks.ui.journal.at"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.authorName() == null || e.authorName().isBlank() ? e.author() : e.authorName())
                .setHeader(getTranslation("oks.ui.journal.author")).setAutoWidth(true);
        grid.addColumn(e -> OksUi.status(e.action(), getLocale())).setHeader(getTranslation("oks.ui.journal.action")).setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(e -> {
            Span c = new Span(e.comment() == null ? "" : e.comment());
            c.getStyle().set("white-space", "pre-wrap");
            return c;
        })).setHeader(getTranslation("oks.ui.journal.comment")).setFlexGrow(3);
        grid.addColumn(e -> DisplayFormats.date(e.deadline())).setHeader(getTranslation("oks.ui.journal.deadline"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.executorName() == null ? "" : e.executorName())
                .setHeader(getTranslation("oks.ui.journal.executor")).setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(this::photos)).setHeader(getTranslation("oks.ui.journal.photos"))
                .setAutoWidth(true);
        List<JournalEntry> rows;
        try {
            rows = violations.journal(user, v.id());
        } catch (OksException e) {
            rows = List.of();
            OksUi.error(OksUi.reason(this, e));
        }
        grid.setItems(rows);
        grid.setClassNameGenerator(e -> "oks-journal-row");
        return grid;
    }

    private Component photos(JournalEntry entry) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        row.getStyle().set("gap", "4px");
        for (PhotoInfo photo : entry.photos()) {
            if (photo.isDocument()) {
                // a step's PDF (where the catalogue asks for documents): downloaded, it has no thumbnail
                Anchor doc = new Anchor(photoHandler(photo, false), AttachmentType.DOWNLOAD, photo.fileName());
                doc.addClassName("oks-journal-document");
                row.add(doc);
                continue;
            }
            Image thumb = new Image(photoHandler(photo, true), photo.fileName());
            thumb.addClassName("oks-photo-thumb");
            thumb.setHeight("48px");
            thumb.getStyle().set("cursor", "zoom-in").set("border-radius", "4px");
            thumb.getElement().setAttribute("title", getTranslation("oks.ui.journal.photoOpen"));
            thumb.addClickListener(e -> openPhoto(photo));
            row.add(thumb);
        }
        return row;
    }

    private void openPhoto(PhotoInfo photo) {
        Dialog dialog = new Dialog();
        dialog.setId("oks-photo-dialog");
        dialog.setHeaderTitle(photo.fileName());
        Image full = new Image(photoHandler(photo, false), photo.fileName());
        full.addClassName("oks-photo-full");
        full.getStyle().set("max-width", "85vw").set("max-height", "75vh");
        Button close = new Button(getTranslation("oks.ui.close"), e -> dialog.close());
        close.setId("oks-photo-close");
        dialog.add(full);
        dialog.getFooter().add(close);
        dialog.open();
    }

    private DownloadHandler photoHandler(PhotoInfo photo, boolean thumbnail) {
        long photoId = photo.id();
        return DownloadHandler.fromInputStream(event -> {
            Optional<StoredPhoto> stored = violations.photo(user, photoId, thumbnail);
            if (stored.isEmpty()) {
                return DownloadResponse.error(404);
            }
            byte[] bytes = stored.get().content();
            return new DownloadResponse(new ByteArrayInputStream(bytes), (thumbnail ? "thumb-" : "") + photo.fileName(),
                    stored.get().contentType(), bytes.length);
        });
    }

    private Span field(FormLayout form, String labelKey, String value, String id) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Span span = new Span(value);
        span.setId(id);
        form.addFormItem(span, getTranslation(labelKey));
        return span;
    }

    private static String nonBlank(String s) {
        return s == null ? "" : s.trim();
    }
}
