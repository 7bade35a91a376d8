package ua.hromada.gis.ui.view;

import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Paragraph;

import ua.hromada.gis.api.GisException;
import ua.hromada.gis.api.ValidationError;
import ua.hromada.portal.ui.support.Confirmation;
import ua.hromada.portal.ui.support.UiSupport;

/** Small shared pieces of the GIS views: refusal texts, notifications, dates. */
public final class GisUi {

    private GisUi() {
    }

    /** One validation error in the reader's language (the keys are gis-service's). */
    public static String text(Component owner, ValidationError error) {
        return owner.getTranslation(error.messageKey(), error.args().toArray());
    }

    /** The refusal's own message, followed by every error it carries. */
    public static String reason(Component owner, GisException e) {
        String head = owner.getTranslation(e.messageKey(), e.args());
        if (e.errors().isEmpty()) {
            return head;
        }
        return head + " " + e.errors().stream().map(v -> text(owner, v)).collect(Collectors.joining(" "));
    }

    /** Whether the user holds any GIS permission (public layers need none, but the pages are the employees'). */
    static boolean reads(ua.hromada.portal.api.PortalUser user) {
        return user != null && (user.hasPermission(ua.hromada.gis.api.GisPermissions.VIEW)
                || user.hasPermission(ua.hromada.gis.api.GisPermissions.EDIT)
                || user.hasPermission(ua.hromada.gis.api.GisPermissions.ADMINISTER));
    }

    public static Paragraph noAccess(Component owner) {
        Paragraph p = new Paragraph(owner.getTranslation("gis.ui.noAccess"));
        p.setId("gis-no-access");
        return p;
    }

    public static void success(String text) {
        UiSupport.success(text);
    }

    public static void error(String text) {
        UiSupport.error(text).addClassName("gis-error");
    }

    /** A small icon button whose label (a text key) is its tooltip and accessible name. */
    static Button iconButton(Component owner, VaadinIcon icon, String labelKey, Runnable action) {
        Button b = new Button(icon.create(), e -> action.run());
        b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        b.getElement().setAttribute("aria-label", owner.getTranslation(labelKey));
        b.getElement().setAttribute("title", owner.getTranslation(labelKey));
        return b;
    }

    /**
     * Asks before deleting: {@code header} names what goes, {@code text} says what follows; the red
     * button (labelled by {@code confirmKey}) runs {@code action}. Opened and returned.
     */
    static ConfirmDialog confirmDelete(Component owner, String id, String header, String text, String confirmKey,
            Runnable action) {
        return Confirmation.ask(id, header, text, owner.getTranslation("gis.ui.cancel"), owner.getTranslation(confirmKey), action);
    }

    /** The errors of one field joined, or null when it has none. */
    static String joined(Component owner, List<ValidationError> errors) {
        return errors.isEmpty() ? null : errors.stream().map(e -> text(owner, e)).collect(Collectors.joining(" "));
    }
}
