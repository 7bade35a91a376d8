package ua.hromada.oks.notify;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import ua.hromada.oks.api.ActionKind;
import ua.hromada.oks.api.ExecutorOrganisation;
import ua.hromada.oks.api.JournalEntry;
import ua.hromada.oks.api.Violation;
import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.calendar.DisplayFormats;

/** Writes the notice in Ukrainian (i18n/oks-notify*.properties): the executors get one language. */
final class NoticeComposer {
    static final String BASE_NAME = "i18n.oks-notify";
    private static final Locale UKRAINIAN = Locale.forLanguageTag("uk");

    private final MessageBundle bundle = MessageBundle.of(BASE_NAME, NoticeComposer.class.getClassLoader());

    /** The link to the card: {@code <base>/oks/violation/<id>}; null when no base URL is known. */
    static String cardLink(String baseUrl, long violationId) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        String base = baseUrl.strip();
        return (base.endsWith("/") ? base : base + "/") + "oks/violation/" + violationId;
    }

    Notice compose(Violation v, JournalEntry step, ExecutorOrganisation organisation, String link) {
        ActionKind kind = step.action().kind() == ActionKind.REDIRECTED ? ActionKind.REDIRECTED : ActionKind.SENT;
        String id = String.valueOf(v.id());
        String subject = text("oks.notify.subject." + kind.name(), id, v.type().name());
        if (v.urgency() == ua.hromada.oks.api.Urgency.URGENT) {
            subject = text("oks.notify.subject.urgent", subject);
        }
        LocalDate deadline = step.deadline() != null ? step.deadline() : v.deadline();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(text("oks.notify.field.id"), id);
        fields.put(text("oks.notify.field.type"), v.type().name());
        fields.put(text("oks.notify.field.address"), orNone(v.address()));
        fields.put(text("oks.notify.field.description"), orNone(v.description()));
        fields.put(text("oks.notify.field.deadline"), deadline == null ? text("oks.notify.none") : DisplayFormats.DATE.format(deadline));
        fields.put(text("oks.notify.field.urgency"), text("oks.notify.urgency." + v.urgency().name()));
        if (step.comment() != null && !step.comment().isBlank()) {
            fields.put(text("oks.notify.field.comment"), step.comment().strip());
        }
        String greeting = text("oks.notify.greeting");
        String intro = text("oks.notify.intro." + kind.name(), organisation.name());
        String footer = text("oks.notify.footer");

        StringBuilder plain = new StringBuilder();
        plain.append(greeting).append("\n\n").append(intro).append("\n\n");
        fields.forEach((label, value) -> plain.append(label).append(": ").append(value).append('\n'));
        if (link != null) {
            plain.append('\n').append(text("oks.notify.link", link)).append('\n');
        }
        plain.append("\n-- \n").append(footer).append('\n');

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"uk\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject))
                .append("</title></head><body style=\"font-family:Arial,sans-serif;font-size:14px\">");
        html.append("<p>").append(escape(greeting)).append("</p><p>").append(escape(intro)).append("</p>");
        html.append("<table cellpadding=\"4\" style=\"border-collapse:collapse\">");
        fields.forEach((label, value) -> html.append("<tr><th align=\"left\" valign=\"top\">").append(escape(label))
                .append("</th><td>").append(escape(value).replace("\n", "<br>")).append("</td></tr>"));
        html.append("</table>");
        if (link != null) {
            html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(text("oks.notify.linkHtml")))
                    .append("</a><br>").append(escape(link)).append("</p>");
        }
        html.append("<p style=\"color:#666;font-size:12px\">").append(escape(footer)).append("</p></body></html>");
        return new Notice(organisation.email().strip(), subject, plain.toString(), html.toString());
    }

    private String orNone(String value) {
        return value == null || value.isBlank() ? text("oks.notify.none") : value.strip();
    }

    private String text(String key, Object... args) {
        String pattern = bundle.message(key, UKRAINIAN)
                .orElseThrow(() -> new IllegalStateException("no text for " + key + " in " + BASE_NAME));
        return args.length == 0 ? pattern : new MessageFormat(pattern, UKRAINIAN).format(args);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
