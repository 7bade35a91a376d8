package ua.hromada.docsearch.ui.view;

import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;

import ua.hromada.docsearch.api.ActStatus;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.ComponentTexts;
import ua.hromada.portal.ui.support.UiSupport;

/** Small helpers the document views share: dates, badges, messages. No state. */
public final class ViewSupport {

    private ViewSupport() {
    }

    /** A coloured badge with the act's legal status. */
    public static Span statusBadge(Component owner, ActStatus status) {
        Span badge = new Span(status == null ? "" : owner.getTranslation("docsearch.status." + status.name()));
        String theme = switch (status == null ? ActStatus.IN_FORCE : status) {
            case IN_FORCE -> "badge success";
            case AMENDED -> "badge";
            case SUSPENDED -> "badge contrast";
            case LOST_FORCE -> "badge error";
        };
        badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
        badge.getElement().setAttribute("data-status", status == null ? "" : status.name());
        return badge;
    }

    /**
     * A snippet from the service: already escaped except {@code <mark>}; cleaned once more so a
     * fault there can never put markup of a document into the page.
     */
    public static Span snippet(String html) {
        Span span = new Span();
        span.addClassName("docsearch-snippet");
        span.getElement().setProperty("innerHTML", Jsoup.clean(html == null ? "" : html, Safelist.none().addTags("mark")));
        return span;
    }
    /** "№ 812 від 14.03.2025" without doubling the sign when the number is written with it. */
    public static String numberDate(Component owner, String number, LocalDate date) {
        String n = number == null ? "" : number.strip();
        if (n.startsWith("№")) {
            n = n.substring(1).strip();
        }
        return date == null ? owner.getTranslation("docsearch.ui.act.numberOnly", n)
                : owner.getTranslation("docsearch.ui.act.numberDate", n, DisplayFormats.date(date));
    }

    public static String size(Component owner, long bytes) {
        if (bytes < 1024) {
            return owner.getTranslation("docsearch.ui.size.b", bytes);
        }
        if (bytes < 1024 * 1024) {
            return owner.getTranslation("docsearch.ui.size.kb", (bytes + 512) / 1024);
        }
        return owner.getTranslation("docsearch.ui.size.mb",
                String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)));
    }

    /**
     * The upload component's own texts (buttons, drop hint, errors) in the page's language; a file
     * over {@code limitMb} megabytes is refused in the browser with the limit named.
     */
    public static void localise(Component owner, Upload upload, String limitMb) {
        ComponentTexts.upload(owner, upload, "docsearch.ui.upload.", limitMb);
    }

    /** The signed-in user the services check (null without one: the service refuses). UI thread only. */
    public static PortalUser user(CurrentUser currentUser) {
        return currentUser.get().orElse(null);
    }

    public static void success(String text) {
        UiSupport.success(text);
    }

    public static void error(String text) {
        UiSupport.error(text);
    }

}
