package ua.hromada.eservices.ui.appeals;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import ua.hromada.eservices.api.Appeal;
import ua.hromada.eservices.api.ApplicantCabinet;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.ui.EservicesUi;
import ua.hromada.portal.api.calendar.DisplayFormats;

/**
 * The applicant's cabinet ({@code zvernennia/kabinet}, no account). The e-mailed link
 * {@code ?token=} is spent at once: the cabinet session it opens is kept in the person's Vaadin
 * session and the address bar loses the token (nothing to bookmark or share). A
 * spent or expired link, or a session gone, shows why and the form that asks for a new link.
 */
public class CabinetView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CabinetView.class);

    private final transient ApplicantCabinet cabinet;
    private final ZoneId zone;
    private final transient Supplier<String> clientAddress;
    private final transient CabinetSession session;

    /**
     * @param session where the page keeps the cabinet session between requests (the person's
     *                Vaadin session in the portal)
     */
    public CabinetView(ApplicantCabinet cabinet, ZoneId zone, Supplier<String> clientAddress, CabinetSession session) {
        this.cabinet = cabinet;
        this.zone = zone;
        this.clientAddress = clientAddress;
        this.session = session;
        setId("eservices-cabinet-view");
        setMaxWidth("860px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> token = event.getLocation().getQueryParameters().getParameters().get("token");
        if (token != null && !token.isEmpty()) {
            openLink(token.get(0));
            // the address without the token: a reload or a shared address never carries it. Not a
            // forward: to the same view Vaadin keeps this instance and never enters it again
            event.getUI().getPage().getHistory().replaceState(null, EservicesUi.CABINET_ROUTE);
        }
        show();
    }

    /** Spends a link's token: its cabinet session is kept, or the next page says the link did not work. */
    void openLink(String token) {
        Optional<String> opened = token.isBlank() ? Optional.empty() : cabinet.open(token.trim());
        if (opened.isPresent()) {
            session.open(opened.get());
        } else {
            session.linkRefused();
        }
    }

    /** The appeals of the open cabinet, or the form that asks for a link. */
    void show() {
        removeAll();
        add(new H1(getTranslation("eservices.ui.appeal.cabinet.title")));
        Optional<String> id = session.id();
        if (id.isPresent()) {
            List<Appeal> appeals = cabinet.appeals(id.get());
            if (!appeals.isEmpty()) {
                showAppeals(appeals);
                return;
            }
            // the cabinet session expired: its appeals are no longer shown
            session.close();
            showRequest(getTranslation("eservices.ui.appeal.cabinet.expired"));
            return;
        }
        showRequest(session.takeLinkRefused() ? getTranslation("eservices.ui.appeal.cabinet.linkRefused") : null);
    }

    private void showAppeals(List<Appeal> appeals) {
        Button leave = new Button(getTranslation("eservices.ui.appeal.cabinet.leave"), VaadinIcon.SIGN_OUT.create(), e -> {
            session.close();
            show();
        });
        leave.setId("eservices-cabinet-leave");
        Paragraph count = new Paragraph(getTranslation("eservices.ui.appeal.cabinet.count", appeals.size()));
        count.setId("eservices-cabinet-count");
        HorizontalLayout bar = new HorizontalLayout(count, leave);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        bar.expand(count);
        add(bar);
        Div list = new Div();
        list.setId("eservices-cabinet-appeals");
        list.setWidthFull();
        appeals.forEach(a -> list.add(card(a)));
        add(list);
    }

    private Section card(Appeal a) {
        H2 title = new H2(getTranslation("eservices.ui.appeal.numberTopic", a.number(), a.topicName()));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)");
        DescriptionList facts = new DescriptionList();
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.status"), AppealsUi.statusBadge(this, a.status()));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.received"), DisplayFormats.dateTime(a.receivedAt(), zone));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.deadline"), AppealFacts.deadline(this, a.deadline(),
                a.overdue()));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.unit"), a.unitName());
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.publicity"), getTranslation(a.publicAppeal()
                ? "eservices.ui.appeal.form.public" : "eservices.ui.appeal.form.confidential"));
        if (a.executorName() != null) {
            AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.executor"), AppealFacts.person(a.executorName(),
                    a.executorPhone(), "eservices-cabinet-executor-phone-" + a.number()));
        }
        if (a.handedOverTo() != null) {
            AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.handover"), getTranslation(
                    "eservices.ui.appeal.handover." + a.handedOverTo(), a.handoverReference()));
        }
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.text"), AppealFacts.longText(a.text()));
        AppealFacts.add(facts, getTranslation("eservices.ui.appeal.f.answer"), a.answer() == null
                ? new Span(getTranslation("eservices.ui.appeal.noAnswer"))
                : AppealFacts.answer(a.answer(), DisplayFormats.dateTime(a.answeredAt(), zone)));
        Section card = new Section(title, facts);
        card.setId("eservices-cabinet-appeal-" + a.number());
        card.addClassName("eservices-cabinet-appeal");
        card.getStyle().set("border-top", "1px solid var(--lumo-contrast-10pct)").set("padding-top", "var(--lumo-space-s)");
        return card;
    }

    private void showRequest(String why) {
        if (why != null) {
            Paragraph reason = new Paragraph(why);
            reason.setId("eservices-cabinet-reason");
            reason.getElement().setAttribute("role", "alert");
            reason.getStyle().set("color", "var(--lumo-error-text-color)");
            add(reason);
        }
        H2 title = new H2(getTranslation("eservices.ui.appeal.cabinet.request"));
        Paragraph how = new Paragraph(getTranslation("eservices.ui.appeal.cabinet.requestHint"));
        EmailField email = new EmailField(getTranslation("eservices.ui.appeal.form.email"));
        email.setId("eservices-cabinet-email");
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setRequiredIndicatorVisible(true);
        email.setWidth("24rem");
        Paragraph answer = new Paragraph();
        answer.setId("eservices-cabinet-answer");
        answer.getElement().setAttribute("role", "status");
        Button send = new Button(getTranslation("eservices.ui.appeal.cabinet.send"), e -> request(email, answer));
        send.setId("eservices-cabinet-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor form = new Anchor(EservicesUi.APPEAL_FORM_ROUTE, getTranslation("eservices.ui.appeal.cabinet.toForm"));
        form.setId("eservices-cabinet-to-form");
        add(title, how, email, send, answer, form);
    }

    private void request(EmailField email, Paragraph answer) {
        email.setInvalid(false);
        answer.getStyle().remove("color");
        String address = email.getValue().trim();
        if (address.isEmpty()) {
            email.setErrorMessage(getTranslation("eservices.ui.appeal.cabinet.emailRequired"));
            email.setInvalid(true);
            email.focus();
            return;
        }
        try {
            cabinet.requestLink(address, clientAddress.get());
            // the same words whether or not the address wrote to the council: nobody learns who did
            answer.setText(getTranslation("eservices.ui.appeal.cabinet.sent"));
        } catch (EservicesException e) {
            String emailError = e.fieldErrors().get("email");
            if (emailError != null) {
                email.setErrorMessage(getTranslation(emailError));
                email.setInvalid(true);
                email.focus();
                answer.setText("");
            } else {
                refusal(answer, AppealsUi.reason(this, e));
            }
        } catch (RuntimeException e) {
            refusal(answer, AppealsUi.failed(this, LOG, "Asking for a cabinet link failed", e));
        }
    }

    private static void refusal(Paragraph answer, String text) {
        answer.setText(text);
        answer.getStyle().set("color", "var(--lumo-error-text-color)");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("eservices.ui.appeal.menu.cabinet");
    }
}
