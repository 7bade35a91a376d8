package ua.hromada.eservices.ui.appeals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;

import ua.hromada.eservices.api.AppealForm;
import ua.hromada.eservices.api.AppealIntake;
import ua.hromada.eservices.api.AppealTopic;
import ua.hromada.eservices.api.AppealTopics;
import ua.hromada.eservices.api.EservicesException;
import ua.hromada.eservices.api.FormTicket;
import ua.hromada.eservices.api.IntakeLimits;
import ua.hromada.eservices.api.Receipt;
import ua.hromada.eservices.ui.EservicesUi;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.api.map.GeoPoint;
import ua.hromada.portal.api.map.MapSettings;

/**
 * The public e-appeal form ({@code zvernennia}, no account). Every field has a visible label, the
 * service's refusals stand at their fields and the focus moves to the first of them; a refused form
 * ticket is replaced at once, so the person answers the new question and sends again.
 */
public class AppealFormView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AppealFormView.class);
    static final String TOKEN_REFUSED = "eservices.appeal.tokenRefused";

    private final transient AppealIntake intake;
    private final transient Supplier<String> clientAddress;
    private final FieldErrors errors = new FieldErrors(this);
    private final Div message = new Div();
    private final VerticalLayout form = new VerticalLayout();
    // a combo box, not a Select: Vaadin's Select puts an ARIA attribute its button may not have (axe-core, critical)
    private final ComboBox<AppealTopic> topic = new ComboBox<>();
    private final TextArea text = new TextArea();
    private final TextField name = new TextField();
    private final EmailField email = new EmailField();
    private final TextField phone = new TextField();
    private final RadioButtonGroup<Boolean> publicity = new RadioButtonGroup<>();
    private final Checkbox consent = new Checkbox();
    private final IntegerField challenge = new IntegerField();
    private PlacePicker place;
    private AttachedFiles files;
    private FormTicket ticket;

    /**
     * @param clientAddress the sender's address as the portal knows it (the rate limits count by it)
     */
    public AppealFormView(AppealIntake intake, AppealTopics topics, MapSettings mapSettings,
            Supplier<String> clientAddress) {
        this.intake = intake;
        this.clientAddress = clientAddress;
        setId("eservices-appeal-form-view");
        setMaxWidth("860px");
        add(new H1(getTranslation("eservices.ui.appeal.form.title")));
        add(related());
        message.setId("eservices-appeal-message");
        message.getElement().setAttribute("role", "alert");
        message.setVisible(false);
        add(message);
        List<AppealTopic> active = topics.active();
        if (active.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("eservices.ui.appeal.form.noTopics"));
            none.setId("eservices-appeal-no-topics");
            add(none);
            return;
        }
        try {
            ticket = intake.openForm(clientAddress.get());
        } catch (EservicesException e) {
            show(AppealsUi.reason(this, e));
            return;
        }
        Paragraph intro = new Paragraph(getTranslation("eservices.ui.appeal.form.intro"));
        intro.setId("eservices-appeal-intro");
        Paragraph required = new Paragraph(getTranslation("eservices.ui.appeal.form.requiredNote"));
        required.getStyle().set("color", "var(--lumo-secondary-text-color)");
        IntakeLimits limits = intake.limits();
        place = new PlacePicker(mapSettings);
        files = new AttachedFiles(limits);
        form.setPadding(false);
        form.setId("eservices-appeal-form");
        form.add(intro, required, about(active, limits), place, files, applicant(), publicity(), consentAndChallenge());
        Button send = new Button(getTranslation("eservices.ui.appeal.form.send"), e -> submit());
        send.setId("eservices-appeal-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setDisableOnClick(true);
        send.addClickListener(e -> send.setEnabled(true));
        form.add(send);
        add(form);
    }

    /** The appeals' other public pages, which have no tile of their own on the home page. */
    private Paragraph related() {
        Anchor cabinet = new Anchor(EservicesUi.CABINET_ROUTE, getTranslation("eservices.ui.appeal.menu.cabinet"));
        cabinet.setId("eservices-appeal-to-cabinet");
        Anchor published = new Anchor(EservicesUi.PUBLIC_APPEALS_ROUTE, getTranslation("eservices.ui.appeal.menu.public"));
        published.setId("eservices-appeal-to-public");
        Paragraph links = new Paragraph(cabinet, new Span(" · "), published);
        links.setId("eservices-appeal-related");
        return links;
    }

    private VerticalLayout about(List<AppealTopic> active, IntakeLimits limits) {
        H2 title = new H2(getTranslation("eservices.ui.appeal.form.about"));
        topic.setId("eservices-appeal-topic");
        topic.setLabel(getTranslation("eservices.ui.appeal.form.topic"));
        topic.setItems(active);
        topic.setItemLabelGenerator(AppealTopic::name);
        topic.setPlaceholder(getTranslation("eservices.ui.appeal.form.topicChoose"));
        topic.setRequiredIndicatorVisible(true);
        topic.setWidthFull();
        topic.setHelperText(getTranslation("eservices.ui.appeal.form.topicHint"));
        topic.addValueChangeListener(e -> topic.setHelperText(e.getValue() == null || e.getValue().description() == null
                || e.getValue().description().isBlank() ? getTranslation("eservices.ui.appeal.form.topicHint")
                        : e.getValue().description()));
        errors.add(topic, "topicId", "topic");
        text.setId("eservices-appeal-text");
        text.setLabel(getTranslation("eservices.ui.appeal.form.text"));
        text.setRequiredIndicatorVisible(true);
        text.setWidthFull();
        text.setMinHeight("10rem");
        text.setMaxLength(limits.maxTextLength());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        counter(limits.maxTextLength());
        text.addValueChangeListener(e -> counter(limits.maxTextLength()));
        errors.add(text, "text");
        VerticalLayout box = new VerticalLayout(title, topic, text);
        box.setPadding(false);
        return box;
    }

    private void counter(int max) {
        text.setHelperText(getTranslation("eservices.ui.appeal.form.textCounter", text.getValue().length(), max));
    }

    private VerticalLayout applicant() {
        H2 title = new H2(getTranslation("eservices.ui.appeal.form.applicant"));
        Paragraph why = new Paragraph(getTranslation("eservices.ui.appeal.form.applicantHint"));
        why.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        name.setId("eservices-appeal-name");
        name.setLabel(getTranslation("eservices.ui.appeal.form.name"));
        name.setRequiredIndicatorVisible(true);
        name.setAutocomplete(Autocomplete.NAME);
        name.setWidth("24rem");
        errors.add(name, "name", "applicantName");
        email.setId("eservices-appeal-email");
        email.setLabel(getTranslation("eservices.ui.appeal.form.email"));
        email.setHelperText(getTranslation("eservices.ui.appeal.form.emailHint"));
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setWidth("24rem");
        errors.add(email, "email");
        phone.setId("eservices-appeal-phone");
        phone.setLabel(getTranslation("eservices.ui.appeal.form.phone"));
        phone.setHelperText(getTranslation("eservices.ui.appeal.form.phoneHint"));
        phone.setAutocomplete(Autocomplete.TEL);
        phone.setWidth("24rem");
        errors.add(phone, "phone");
        VerticalLayout box = new VerticalLayout(title, why, name, email, phone);
        box.setPadding(false);
        return box;
    }

    private VerticalLayout publicity() {
        H2 title = new H2(getTranslation("eservices.ui.appeal.form.publicity"));
        publicity.setId("eservices-appeal-publicity");
        publicity.setLabel(getTranslation("eservices.ui.appeal.form.publicityLabel"));
        publicity.setItems(Boolean.FALSE, Boolean.TRUE);
        publicity.setRenderer(new ComponentRenderer<>(b -> {
            String key = b ? "public" : "confidential";
            Span label = new Span(getTranslation("eservices.ui.appeal.form." + key));
            label.getStyle().set("font-weight", "600");
            Span explained = new Span(getTranslation("eservices.ui.appeal.form." + key + "Hint"));
            explained.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
            return new Span(label, explained);
        }));
        // personal data stays private unless the person chooses otherwise
        publicity.setValue(Boolean.FALSE);
        errors.add(publicity, "publicAppeal", "public");
        VerticalLayout box = new VerticalLayout(title, publicity);
        box.setPadding(false);
        return box;
    }

    private VerticalLayout consentAndChallenge() {
        H2 title = new H2(getTranslation("eservices.ui.appeal.form.sending"));
        consent.setId("eservices-appeal-consent");
        consent.setLabel(getTranslation("eservices.ui.appeal.form.consent"));
        consent.setRequiredIndicatorVisible(true);
        errors.add(consent, "consent");
        challenge.setId("eservices-appeal-challenge");
        challenge.setRequiredIndicatorVisible(true);
        challenge.setHelperText(getTranslation("eservices.ui.appeal.form.challengeHint"));
        errors.add(challenge, "challengeAnswer", "challenge");
        askChallenge();
        VerticalLayout box = new VerticalLayout(title, consent, challenge);
        box.setPadding(false);
        return box;
    }

    private void askChallenge() {
        challenge.setLabel(getTranslation("eservices.appeal.challenge", ticket.left(), ticket.right()));
        challenge.clear();
    }

    private void submit() {
        errors.clear();
        files.clearError();
        message.setVisible(false);
        GeoPoint point = place.point().orElse(null);
        AppealForm appeal = new AppealForm(ticket.token(),
                challenge.getValue() == null ? "" : challenge.getValue().toString(),
                topic.getValue() == null ? 0 : topic.getValue().id(), text.getValue(),
                point == null ? null : point.lat(), point == null ? null : point.lon(), files.forForm(),
                name.getValue(), email.getValue(), phone.getValue(), Boolean.TRUE.equals(publicity.getValue()),
                consent.getValue());
        try {
            Receipt receipt = intake.submit(appeal, clientAddress.get());
            files.releaseAll();
            showReceipt(receipt, email.getValue().trim());
        } catch (EservicesException e) {
            refused(e);
        } catch (RuntimeException e) {
            show(AppealsUi.failed(this, LOG, "Sending an e-appeal failed", e));
        }
    }

    private void refused(EservicesException e) {
        if (TOKEN_REFUSED.equals(e.messageKey())) {
            renewTicket(AppealsUi.reason(this, e));
            return;
        }
        if (e.fieldErrors().isEmpty()) {
            show(AppealsUi.reason(this, e));
            return;
        }
        Map<String, String> elsewhere = errors.show(e);
        String fileError = elsewhere.remove("files");
        if (fileError != null) {
            files.showError(fileError);
        }
        String placeError = elsewhere.remove("location");
        if (placeError != null) {
            place.showError(placeError);
        }
        List<String> lines = new ArrayList<>();
        lines.add(AppealsUi.reason(this, e));
        lines.addAll(elsewhere.values());
        show(String.join(" ", lines));
        errors.focusFirstInvalid();
    }

    /** The ticket was refused (expired, used, too soon): a fresh one with a new question. */
    private void renewTicket(String why) {
        try {
            ticket = intake.openForm(clientAddress.get());
            askChallenge();
            show(why + " " + getTranslation("eservices.ui.appeal.form.ticketRenewed"));
            challenge.focus();
        } catch (EservicesException e) {
            show(AppealsUi.reason(this, e));
        }
    }

    private void show(String text) {
        message.setText(text);
        message.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "500");
        message.setVisible(true);
    }

    private void showReceipt(Receipt receipt, String address) {
        removeAll();
        add(new H1(getTranslation("eservices.ui.appeal.form.title")));
        H2 done = new H2(getTranslation("eservices.ui.appeal.receipt.title"));
        done.setId("eservices-appeal-receipt-title");
        // the heading takes the focus, so a screen reader starts reading the receipt
        done.getElement().setAttribute("tabindex", "-1");
        Paragraph number = new Paragraph(getTranslation("eservices.ui.appeal.receipt.number", receipt.number()));
        number.setId("eservices-appeal-receipt-number");
        number.getElement().setAttribute("data-number", receipt.number());
        Paragraph deadline = new Paragraph(getTranslation("eservices.ui.appeal.receipt.deadline",
                DisplayFormats.date(receipt.deadline())));
        deadline.setId("eservices-appeal-receipt-deadline");
        Paragraph mailed = new Paragraph(getTranslation("eservices.ui.appeal.receipt.mailed", address));
        mailed.setId("eservices-appeal-receipt-mailed");
        Anchor cabinet = new Anchor(EservicesUi.CABINET_ROUTE, getTranslation("eservices.ui.appeal.receipt.cabinet"));
        cabinet.setId("eservices-appeal-receipt-cabinet");
        Anchor another = new Anchor(EservicesUi.APPEAL_FORM_ROUTE, getTranslation("eservices.ui.appeal.receipt.another"));
        another.setId("eservices-appeal-receipt-another");
        // a new page load: a fresh form with a new ticket
        another.getElement().setAttribute("router-ignore", true);
        Div receiptBox = new Div(done, number, deadline, mailed, new Div(cabinet), new Div(another));
        receiptBox.setId("eservices-appeal-receipt");
        add(receiptBox);
        done.getElement().callJsFunction("focus");
    }

    /** The ticket the form is open with: its question's numbers, which the page's tests answer. */
    FormTicket ticket() {
        return ticket;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("eservices.ui.appeal.menu.form");
    }
}
