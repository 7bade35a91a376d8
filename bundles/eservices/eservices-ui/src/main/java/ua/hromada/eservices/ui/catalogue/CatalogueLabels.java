package ua.hromada.eservices.ui.catalogue;

import java.time.ZoneId;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import ua.hromada.eservices.api.LinkCheck;
import ua.hromada.eservices.api.LinkStatus;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.api.calendar.DisplayFormats;

/** Words for the catalogue's codes (audience, provider, status, a link's state) and refusals, in the page's language. */
final class CatalogueLabels {

    private CatalogueLabels() {
    }

    /** {@code eservices.ui.catalogue.<kind>.<NAME>}, e.g. audience.RESIDENTS. */
    static String of(Component c, String kind, Enum<?> value) {
        return value == null ? "" : c.getTranslation("eservices.ui.catalogue." + kind + "." + value.name());
    }

    static String refusal(Component c, PortalException e) {
        return c.getTranslation(e.messageKey(), e.args());
    }

    /** Why a check failed, in words; empty for a success. */
    static String failure(Component c, Integer status, String error) {
        if (error == null) {
            return "";
        }
        return status != null && "status".equals(error)
                ? c.getTranslation("eservices.ui.catalogue.link.error.status", status)
                : c.getTranslation("eservices.ui.catalogue.link.error." + error);
    }

    static String failure(Component c, LinkCheck check) {
        return failure(c, check.statusCode(), check.error());
    }

    /** The monitor's state of a service as a badge: broken in red with the reason, else its last check. */
    static Span badge(Component c, LinkStatus link, ZoneId zone) {
        Span badge = new Span(of(c, "link", link.state()));
        badge.getElement().getThemeList().add("badge");
        switch (link.state()) {
            case BROKEN -> badge.getElement().getThemeList().add("error");
            case OK -> badge.getElement().getThemeList().add(link.failuresInRow() > 0 ? "contrast" : "success");
            default -> badge.getElement().getThemeList().add("contrast");
        }
        if (link.checkedAt() != null) {
            String reason = failure(c, link.statusCode(), link.error());
            badge.getElement().setAttribute("title", c.getTranslation("eservices.ui.catalogue.link.lastCheck",
                    DisplayFormats.dateTime(link.checkedAt(), zone)) + (reason.isEmpty() ? "" : " — " + reason));
        }
        return badge;
    }
}
