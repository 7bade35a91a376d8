package ua.hromada.opendata.ui.view;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;

import ua.hromada.opendata.api.OpendataAudit.Compliance;
import ua.hromada.opendata.api.OpendataException;
import ua.hromada.opendata.api.OpendataPermissions;
import ua.hromada.opendata.api.Severity;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.ComponentTexts;
import ua.hromada.portal.ui.support.UiSupport;

/** What the open-data views share: routes, formats, colours, messages (the rights are OpendataPermissions'). No state. */
public final class OpendataUi {

    public static final String SECTION = "opendata";
    /**
     * Reading views open to each of the module's roles: {@link OpendataPermissions#READ} as a
     * constant, so pages can name it in their {@code @PortalView}.
     */
    public static final String READ_PERMISSION = OpendataPermissions.VIEW + PortalUser.ANY_OF + OpendataPermissions.EDIT
            + PortalUser.ANY_OF + OpendataPermissions.AUDIT;
    public static final String DATASETS_ROUTE = "opendata/datasets";
    public static final String DATASET_ROUTE = "opendata/dataset/";
    public static final String MANAGERS_ROUTE = "opendata/managers";
    public static final String MANAGER_ROUTE = "opendata/manager/";
    public static final String AUDIT_ROUTE = "opendata/audit";
    public static final String REQUESTS_ROUTE = "opendata/requests";
    /** The route parameter value that opens an empty form. */
    public static final String NEW = "new";

    private OpendataUi() {
    }

    /** A form's refusal line, hidden until a refusal: id {@code opendata-<kind>-error}, lines kept. */
    public static Paragraph formError(Paragraph error, String kind) {
        error.setId("opendata-" + kind + "-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap");
        error.setVisible(false);
        return error;
    }

    /** Shows a refusal or failure in a form's refusal line (see {@link #formError}). */
    public static void showError(Paragraph error, String message) {
        error.setText(message);
        error.setVisible(true);
    }

    /** A form's primary save button: text {@code opendata.ui.<kind>.save}, id {@code opendata-<kind>-save}. */
    public static Button saveButton(Component owner, String kind, Runnable save) {
        Button saveButton = new Button(owner.getTranslation("opendata.ui." + kind + ".save"), e -> save.run());
        saveButton.setId("opendata-" + kind + "-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return saveButton;
    }

    /** A list form's "new" button (an empty form): text {@code opendata.ui.<kind>.new}, id {@code opendata-<kind>-new}. */
    public static Button newButton(Component owner, String kind, Runnable open) {
        Button create = new Button(owner.getTranslation("opendata.ui." + kind + ".new"), VaadinIcon.PLUS.create(),
                e -> open.run());
        create.setId("opendata-" + kind + "-new");
        return create;
    }

    /** A list page's grid: its id, stripes, compact rows, and long texts wrapping instead of being cut off. */
    public static <T> Grid<T> listGrid(Grid<T> grid, String id) {
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    /**
     * A form's save button and, for a stored record, its delete button behind a confirmation naming
     * it; texts {@code opendata.ui.<kind>.save|delete|deleteTitle|deleteText}, ids
     * {@code opendata-<kind>-save|delete}.
     */
    public static HorizontalLayout formActions(Component owner, String kind, Runnable save, String name, Runnable delete) {
        HorizontalLayout actions = new HorizontalLayout(saveButton(owner, kind, save));
        if (delete != null) {
            Button deleteButton = new Button(owner.getTranslation("opendata.ui." + kind + ".delete"), VaadinIcon.TRASH.create(),
                    e -> Confirm.ask(owner, owner.getTranslation("opendata.ui." + kind + ".deleteTitle"),
                            owner.getTranslation("opendata.ui." + kind + ".deleteText", name), "opendata.ui.delete", delete));
            deleteButton.setId("opendata-" + kind + "-delete");
            deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(deleteButton);
        }
        return actions;
    }

    /** The id in a route parameter; empty for anything else ("new" included). */
    public static Optional<Long> parseId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(value.strip());
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a detail page ({@code …/:id}) for a user who may read the registry (others get the
     * no-access note): an empty form for "new" ({@code show} gets null), the record of a known id,
     * else a "not found" note with the way back.
     */
    public static <T> void openDetail(VerticalLayout page, BeforeEnterEvent event, PortalUser user,
            Function<Long, Optional<T>> find, Consumer<T> show, String notFoundId, String notFoundKey, String backRoute,
            String backKey) {
        page.removeAll();
        if (!OpendataPermissions.canRead(user)) {
            page.add(noAccess(page));
            return;
        }
        String param = event.getRouteParameters().get("id").orElse("");
        if (NEW.equals(param)) {
            show.accept(null);
            return;
        }
        Optional<T> found = parseId(param).flatMap(find);
        if (found.isPresent()) {
            show.accept(found.get());
            return;
        }
        Paragraph missing = new Paragraph(page.getTranslation(notFoundKey));
        missing.setId(notFoundId);
        page.add(missing, new Anchor(backRoute, page.getTranslation(backKey)));
    }

    /** The plain-Ukrainian reason of a refusal, from the module's resource bundles. */
    public static String reason(Component owner, OpendataException e) {
        return owner.getTranslation(e.messageKey(), e.args());
    }

    /** A passport date and time, already as the community's clock shows it. */
    public static String dateTime(LocalDateTime at) {
        return at == null ? "" : DisplayFormats.DATE_TIME.format(at);
    }

    /** A score as people read it: one decimal, decimal comma ("87,5"). */
    public static String score(Double score) {
        return score == null ? "—" : String.format(Locale.ROOT, "%.1f", score).replace('.', ',');
    }

    /** Bytes as "512 Б", "1,5 КБ", "2,0 МБ" with the units of the page's language (comma-separated list). */
    public static String size(Long bytes, String units) {
        if (bytes == null) {
            return "";
        }
        String[] u = units.split(",");
        double v = bytes;
        int i = 0;
        while (v >= 1024 && i < u.length - 1) {
            v /= 1024;
            i++;
        }
        String number = i == 0 ? Long.toString(bytes) : String.format(Locale.ROOT, "%.1f", v).replace('.', ',');
        return number + " " + u[i].strip();
    }

    /** "12 / 254": what the length counters under title and description show. */
    public static String counter(String text, int max) {
        return (text == null ? 0 : text.length()) + " / " + max;
    }

    /** Colour of a severity (badges, the widget, the findings list). */
    public static String severityColor(Severity s) {
        return switch (s) {
            case CRITICAL -> "#c62828";
            case MAJOR -> "#ef6c00";
            case MINOR -> "#6d6d6d";
        };
    }

    /** Colour of a compliance-matrix cell; the legend uses the same. */
    public static String complianceColor(Compliance c) {
        return switch (c) {
            case PUBLISHED -> "#2e7d32";
            case PUBLISHED_WITH_PROBLEMS -> "#f9a825";
            case MISSING -> "#c62828";
            case NOT_APPLICABLE -> "#e0e0e0";
        };
    }

    /** The short mark in a matrix cell, readable without colour. */
    public static String complianceMark(Compliance c) {
        return switch (c) {
            case PUBLISHED -> "✓";
            case PUBLISHED_WITH_PROBLEMS -> "!";
            case MISSING -> "✗";
            case NOT_APPLICABLE -> "";
        };
    }

    /** A score's colour: green from 80, amber from 50, red below. */
    public static String scoreColor(double score) {
        return score >= 80 ? "#2e7d32" : score >= 50 ? "#ef6c00" : "#c62828";
    }

    public static Span severityBadge(Component owner, Severity s) {
        Span badge = new Span(owner.getTranslation(s.messageKey()));
        badge.getElement().getThemeList().add("badge");
        badge.getStyle().set("background", severityColor(s) + "22").set("color", severityColor(s));
        badge.getElement().setAttribute("data-severity", s.name());
        return badge;
    }

    public static Paragraph noAccess(Component owner) {
        Paragraph p = new Paragraph(owner.getTranslation("opendata.ui.noAccess"));
        p.setId("opendata-no-access");
        return p;
    }

    public static void success(String text) {
        UiSupport.success(text).addClassName("opendata-success");
    }

    public static void error(String text) {
        UiSupport.error(text).addClassName("opendata-error");
    }

    /**
     * Adds a page-wide style once (grid row parts can only be styled from outside the grid).
     * The CSS is a constant of this bundle, never user input.
     */
    public static void globalStyle(Component owner, String id, String css) {
        owner.getElement().executeJs("if(!document.getElementById($0)){const s=document.createElement('style');"
                + "s.id=$0;s.textContent=$1;document.head.appendChild(s);}", "style-" + id, css);
    }
    /** The upload component's own texts in the page's language. */
    public static void localise(Component owner, Upload upload) {
        ComponentTexts.upload(owner, upload, "opendata.ui.upload.");
    }
}
