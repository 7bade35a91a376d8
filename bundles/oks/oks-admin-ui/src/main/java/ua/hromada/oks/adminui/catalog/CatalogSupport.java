package ua.hromada.oks.adminui.catalog;

import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Span;

import ua.hromada.oks.api.OksException;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;

/** What the catalogue views share: the acting administrator and the active/inactive badge. */
final class CatalogSupport {

    private CatalogSupport() {
    }

    /** The signed-in administrator; a session that ended is a refusal shown in the dialog. */
    static PortalUser actor(CurrentUser currentUser) {
        return currentUser.get().orElseThrow(() -> new OksException(OksException.Reason.FORBIDDEN,
                "oks.adminui.common.signedOut"));
    }

    static Span activeBadge(Component owner, boolean active) {
        Span badge = new Span(owner.getTranslation(active ? "oks.adminui.common.active" : "oks.adminui.common.inactive"));
        badge.getElement().getThemeList().addAll(java.util.List.of("badge", active ? "success" : "contrast"));
        badge.getElement().setAttribute("data-active", Boolean.toString(active));
        return badge;
    }

    /**
     * The grid's last column: an edit button per row (named for screen readers, marked with a
     * data attribute for tests), plus double-click to edit, the empty-state text and stripes.
     */
    static <T> void editable(Grid<T> grid, Component owner, String id, String emptyKey, String cssClass,
            Function<T, String> name, Function<T, String> dataValue, Consumer<T> edit) {
        grid.addComponentColumn(item -> {
            Button button = new Button(VaadinIcon.EDIT.create(), e -> edit.accept(item));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.setAriaLabel(owner.getTranslation("oks.adminui.common.editOf", name.apply(item)));
            button.getElement().setAttribute("data-key", dataValue.apply(item));
            button.addClassName(cssClass);
            return button;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText(owner.getTranslation(emptyKey));
        grid.addItemDoubleClickListener(e -> edit.accept(e.getItem()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setId(id);
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
