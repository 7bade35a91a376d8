package ua.hromada.eservices.ui.appeals;

import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

import ua.hromada.eservices.api.PublicAppeal;
import ua.hromada.eservices.api.PublicAppeals;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * Public appeals and their answers ({@code zvernennia/publichni}, no sign-in): a search, pages of
 * {@value #PAGE} and an empty state. Only {@link PublicAppeal}'s fields are shown: no personal data
 * can reach this page.
 */
public class PublicAppealsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PublicAppealsView.class);
    static final int PAGE = 20;

    private final transient PublicAppeals appeals;
    private final ZoneId zone;
    private final TextField search = new TextField();
    private final Paragraph status = new Paragraph();
    private final Div list = new Div();
    private final Button previous = new Button();
    private final Button next = new Button();
    private String words;
    private int page;

    public PublicAppealsView(PublicAppeals appeals, ZoneId zone) {
        this.appeals = appeals;
        this.zone = zone;
        setId("eservices-public-appeals-view");
        setMaxWidth("960px");
        add(new H1(getTranslation("eservices.ui.appeal.public.title")));
        add(new Paragraph(getTranslation("eservices.ui.appeal.public.intro")));
        search.setId("eservices-public-search");
        search.setLabel(getTranslation("eservices.ui.appeal.public.search"));
        search.setHelperText(getTranslation("eservices.ui.appeal.public.searchHint"));
        search.setClearButtonVisible(true);
        search.setWidth("28rem");
        search.addKeyPressListener(Key.ENTER, e -> find());
        Button find = new Button(getTranslation("eservices.ui.appeal.public.find"), VaadinIcon.SEARCH.create(), e -> find());
        find.setId("eservices-public-find");
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(search, find);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        status.setId("eservices-public-status");
        status.getElement().setAttribute("role", "status");
        list.setId("eservices-public-list");
        list.setWidthFull();
        previous.setText(getTranslation("eservices.ui.appeal.public.previous"));
        previous.setIcon(VaadinIcon.ANGLE_LEFT.create());
        previous.setId("eservices-public-previous");
        previous.addClickListener(e -> show(page - 1));
        next.setText(getTranslation("eservices.ui.appeal.public.next"));
        next.setIcon(VaadinIcon.ANGLE_RIGHT.create());
        next.setIconAfterText(true);
        next.setId("eservices-public-next");
        next.addClickListener(e -> show(page + 1));
        Nav pager = new Nav(previous, next);
        pager.setId("eservices-public-pager");
        pager.getElement().setAttribute("aria-label", getTranslation("eservices.ui.appeal.public.pager"));
        pager.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)");
        add(bar, status, list, pager);
        show(0);
    }

    private void find() {
        words = AppealsUi.trimmed(search.getValue());
        show(0);
    }

    private void show(int wanted) {
        list.removeAll();
        int total;
        List<PublicAppeal> found;
        try {
            total = appeals.count(words);
            int pages = Math.max(1, (total + PAGE - 1) / PAGE);
            page = Math.max(0, Math.min(wanted, pages - 1));
            found = total == 0 ? List.of() : appeals.find(words, page * PAGE, PAGE);
        } catch (RuntimeException e) {
            status.setText(AppealsUi.failed(this, LOG, "Listing public appeals failed", e));
            previous.setEnabled(false);
            next.setEnabled(false);
            return;
        }
        int pages = Math.max(1, (total + PAGE - 1) / PAGE);
        status.getElement().setAttribute("data-count", Integer.toString(total));
        if (total == 0) {
            status.setText(words == null ? getTranslation("eservices.ui.appeal.public.empty")
                    : getTranslation("eservices.ui.appeal.public.nothingFound", words));
        } else {
            status.setText(getTranslation("eservices.ui.appeal.public.found", total, page + 1, pages));
        }
        found.forEach(a -> list.add(card(a)));
        previous.setEnabled(page > 0);
        next.setEnabled(page + 1 < pages);
    }

    private Section card(PublicAppeal a) {
        H2 title = new H2(getTranslation("eservices.ui.appeal.numberTopic", a.number(), a.topicName()));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)");
        DescriptionList facts = new DescriptionList();
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.status"), AppealsUi.statusBadge(this, a.status()));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.received"), DisplayFormats.dateTime(a.receivedAt(), zone));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.unit"), a.unitName());
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.text"), AppealFacts.longText(a.text()));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.answer"), a.answer() == null
                ? new Span(getTranslation("eservices.ui.appeal.noAnswer"))
                : AppealFacts.answer(a.answer(), DisplayFormats.dateTime(a.answeredAt(), zone)));
        Section card = new Section(title, facts);
        card.setId("eservices-public-appeal-" + a.number());
        card.addClassName("eservices-public-appeal");
        card.getStyle().set("border-top", "1px solid var(--lumo-contrast-10pct)").set("padding-top", "var(--lumo-space-s)");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("eservices.ui.appeal.menu.public");
    }
}
