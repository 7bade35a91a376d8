package ua.hromada.eservices.ui.appeals;

import java.time.LocalDate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import ua.hromada.portal.api.calendar.DisplayFormats;

/** An appeal's facts as term–description pairs (the cabinet and the card): read as such by screen readers. */
final class AppealFacts {

    private AppealFacts() {
    }

    static void add(DescriptionList list, String term, String value) {
        add(list, term, new Span(value == null ? "" : value));
    }

    static void add(DescriptionList list, String term, Component value) {
        list.add(new DescriptionList.Term(term), new DescriptionList.Description(value));
    }

    /** The deadline, marked when it passed while the appeal is open. */
    static Component deadline(Component owner, LocalDate deadline, boolean overdue) {
        Span date = new Span(DisplayFormats.date(deadline));
        if (!overdue) {
            return date;
        }
        Span both = new Span(date, new Span(" "), AppealsUi.overdueMark(owner));
        both.addClassName(AppealsUi.OVERDUE_CLASS);
        return both;
    }

    /** A name and, when known, a phone one can call from a phone; {@code phoneId} the id of its link. */
    static Component person(String name, String phone, String phoneId) {
        Span span = new Span();
        if (name != null && !name.isBlank()) {
            span.add(new Span(name));
        }
        if (phone != null && !phone.isBlank()) {
            if (span.getChildren().findAny().isPresent()) {
                span.add(new Span(", "));
            }
            Anchor call = new Anchor("tel:" + phone.replaceAll("[^0-9+]", ""), phone);
            call.setId(phoneId);
            span.add(call);
        }
        return span;
    }

    /** A person's text as written: line breaks kept. */
    static Component longText(String text) {
        Div div = new Div();
        div.setText(text == null ? "" : text);
        div.getStyle().set("white-space", "pre-wrap");
        return div;
    }

    /** An answer and when it was given. */
    static Component answer(String text, String when) {
        Div div = new Div(longText(text));
        if (!when.isEmpty()) {
            Span at = new Span(when);
            at.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            div.add(at);
        }
        return div;
    }
}
