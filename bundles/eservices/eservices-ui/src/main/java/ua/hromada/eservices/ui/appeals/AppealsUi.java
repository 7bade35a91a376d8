package ua.hromada.eservices.ui.appeals;


import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;

import ua.hromada.eservices.api.AppealStatus;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.ui.support.UiSupport;

/** What the appeals pages share: dates, status names and badges, the overdue mark, refusals in words. */
final class AppealsUi {

    /** The class of an overdue row or mark (the colour comes with an icon and a word, never alone). */
    static final String OVERDUE_CLASS = "eservices-overdue";

    private AppealsUi() {
    }

    /** The status in the reader's language (texts of the service bundle). */
    static String status(Component owner, AppealStatus status) {
        return owner.getTranslation("eservices.appeal.status." + status.name());
    }

    /** The status as a badge; its colour repeats what the word says. */
    static Span statusBadge(Component owner, AppealStatus status) {
        Span badge = new Span(status(owner, status));
        badge.getElement().getThemeList().add(switch (status) {
            case REGISTERED -> "badge";
            case ASSIGNED -> "badge contrast";
            case ANSWERED, HANDED_OVER -> "badge success";
            case CLOSED -> "badge contrast primary";
        });
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }

    /** «Прострочено» with a warning icon: readable without colour. */
    static Span overdueMark(Component owner) {
        Icon icon = VaadinIcon.WARNING.create();
        icon.setSize("var(--lumo-icon-size-s)");
        icon.getElement().setAttribute("aria-hidden", "true");
        Span mark = new Span(icon, new Span(owner.getTranslation("eservices.ui.appeal.overdue")));
        mark.addClassName(OVERDUE_CLASS);
        mark.getElement().getThemeList().add("badge error");
        return mark;
    }

    /** A refusal's message in the reader's language. */
    static String reason(Component owner, PortalException e) {
        return owner.getTranslation(e.messageKey(), e.args());
    }

    /** An unexpected failure: logged under a reference the person is shown. */
    static String failed(Component owner, Logger log, String what, RuntimeException e) {
        return owner.getTranslation("eservices.ui.appeal.failed", UiSupport.logFailure(log, what, e));
    }

    /** The last column of an editable list: a small «Змінити» button per row, ids {@code <idPrefix><key>}. */
    static <T> void editColumn(Grid<T> grid, String idPrefix, Function<T, String> key, Consumer<T> edit) {
        grid.addColumn(new ComponentRenderer<>(item -> {
            Button button = new Button(grid.getTranslation("eservices.ui.appeal.edit"), VaadinIcon.EDIT.create(),
                    e -> edit.accept(item));
            button.setId(idPrefix + key.apply(item));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return button;
        })).setHeader(grid.getTranslation("eservices.ui.appeal.actions")).setAutoWidth(true).setFlexGrow(0)
                .setFrozenToEnd(true);
    }

    /** Null for a blank text, else the text trimmed. */
    static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
