package ua.hromada.opendata.publication.ui;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.legal.LegalActSummary;

/**
 * «Політика та документи» of the public open-data page: the acts the community names as its
 * open-data policy (PolicyDocuments), each a link to the act's public page. Not shown when there is
 * none (none named, or document search not installed).
 */
final class PolicyBlock extends Div {
    private static final long serialVersionUID = 1L;

    PolicyBlock(List<LegalActSummary> acts) {
        setId("opendata-policy");
        setWidthFull();
        setVisible(!acts.isEmpty());
        if (acts.isEmpty()) {
            return;
        }
        add(new H3(getTranslation("opendata.publication.policy.title")),
                new Paragraph(getTranslation("opendata.publication.policy.intro")));
        UnorderedList list = new UnorderedList();
        for (LegalActSummary act : acts) {
            Anchor link = new Anchor(act.route(), act.title());
            link.setId("opendata-policy-" + act.id());
            list.add(new ListItem(new Span(label(act) + " — "), link));
        }
        add(list);
    }

    /** «Рішення № 790 від 26.04.2024» (without the kind or the date when the act has none). */
    private String label(LegalActSummary act) {
        String number = act.date() == null ? getTranslation("opendata.publication.policy.number", act.number())
                : getTranslation("opendata.publication.policy.numberDate", act.number(), DisplayFormats.DATE.format(act.date()));
        return act.kind() == null || act.kind().isBlank() ? number : act.kind() + " " + number;
    }
}
