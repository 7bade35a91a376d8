package ua.hromada.crm.ui.cases;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.Applicants;
import ua.hromada.crm.api.CaseDraft;
import ua.hromada.crm.api.CaseSource;
import ua.hromada.crm.api.Cases;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.Routing;
import ua.hromada.crm.api.RoutingSuggestion;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.api.ServiceCards;
import ua.hromada.crm.api.ServiceCase;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * Registration at the front desk ({@code tsnap/spravy/nova}): the applicant (searched), the service
 * (active cards), the request in the applicant's words with the routing's suggestions when that
 * service is installed (a click picks the card), by proxy, fee paid; «Зареєструвати» opens the case card.
 */
public class NewCaseView extends VerticalLayout {
    private final Cases cases;
    private final ServiceCards cards;
    private final Optional<Routing> routing;
    private final PortalUser user;
    private final ComboBox<Applicant> applicant = new ComboBox<>();
    private final ComboBox<ServiceCard> card = new ComboBox<>();
    private final TextArea request = new TextArea();
    private final Div suggestions = new Div();
    private final Checkbox byProxy = new Checkbox();
    private final Checkbox feePaid = new Checkbox();

    public NewCaseView(Cases cases, ServiceCards cards, Applicants applicants, Optional<Routing> routing, PortalUser user) {
        this.cases = cases;
        this.cards = cards;
        this.routing = routing;
        this.user = user;
        setId("case-new-view");
        add(new H2(getTranslation("crm.case.ui.new.title")));

        applicant.setId("case-applicant");
        applicant.setLabel(getTranslation("crm.case.ui.f.applicant"));
        applicant.setHelperText(getTranslation("crm.case.ui.new.applicantHint"));
        applicant.setRequired(true);
        applicant.setItemLabelGenerator(a -> a.displayName() + (a.taxNumber().isEmpty() ? "" : ", " + a.taxNumber())
                + (a.edrpou().isEmpty() ? "" : ", ЄДРПОУ " + a.edrpou()));
        applicant.setItems(q -> applicants.find(user, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream(),
                q -> applicants.count(user, q.getFilter().orElse("")));
        applicant.setWidthFull();

        card.setId("case-card");
        card.setLabel(getTranslation("crm.case.ui.f.service"));
        card.setRequired(true);
        card.setItemLabelGenerator(c -> c.localCode() + " — " + c.name());
        card.setItems(cards.find(user, "", true, 0, 1000));
        card.setWidthFull();
        card.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue().feeKind() == ua.hromada.crm.api.FeeKind.FREE) {
                feePaid.setValue(true);
            }
        });

        request.setId("case-request");
        request.setLabel(getTranslation("crm.case.ui.f.request"));
        request.setMaxLength(5000);
        request.setWidthFull();
        request.setValueChangeMode(ValueChangeMode.LAZY);
        request.addValueChangeListener(e -> suggest(e.getValue()));
        suggestions.setId("case-suggestions");

        byProxy.setId("case-by-proxy");
        byProxy.setLabel(getTranslation("crm.case.ui.f.byProxy"));
        feePaid.setId("case-fee-paid");
        feePaid.setLabel(getTranslation("crm.case.ui.f.feePaid"));

        Button open = new Button(getTranslation("crm.case.ui.new.open"), VaadinIcon.CHECK.create(), e -> open());
        open.setId("case-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        FormLayout form = new FormLayout(applicant, request, suggestions, card, byProxy, feePaid);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setMaxWidth("48em");
        add(form, open);
    }

    /** The routing's best guesses for the request; none without the routing service or a request. */
    private void suggest(String text) {
        suggestions.removeAll();
        if (routing.isEmpty() || text == null || text.isBlank()) {
            return;
        }
        List<RoutingSuggestion> found;
        try {
            found = routing.get().suggest(user, text);
        } catch (RuntimeException e) {
            // routing is advice only: the person picks the service by hand
            return;
        }
        if (found.isEmpty()) {
            return;
        }
        suggestions.add(new Span(getTranslation("crm.case.ui.new.suggested")));
        int n = 0;
        for (RoutingSuggestion s : found) {
            Button pick = new Button(getTranslation("crm.case.ui.new.suggestion", s.serviceName(),
                    Math.round(s.confidence() * 100)), e -> cards.get(user, s.cardId()).ifPresent(card::setValue));
            pick.setId("case-suggestion-" + (++n));
            pick.addThemeVariants(ButtonVariant.LUMO_SMALL, s.confident() ? ButtonVariant.LUMO_PRIMARY
                    : ButtonVariant.LUMO_TERTIARY);
            suggestions.add(pick);
        }
    }

    private void open() {
        Map<String, HasValidation> fields = Map.of("applicant", applicant, "card", card, "request", request);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            ServiceCase opened = cases.open(user, new CaseDraft(applicant.getValue() == null ? 0 : applicant.getValue().id(),
                    card.getValue() == null ? 0 : card.getValue().id(), CaseSource.FRONT_DESK, "", request.getValue(),
                    byProxy.getValue(), feePaid.getValue()));
            UiSupport.success(getTranslation("crm.case.ui.new.opened", opened.number()));
            getUI().ifPresent(ui -> ui.navigate(CasesUi.CASE_PREFIX + opened.id()));
        } catch (CrmException e) {
            for (Map.Entry<String, String> error : e.fieldErrors().entrySet()) {
                HasValidation field = fields.get(error.getKey());
                if (field != null) {
                    field.setErrorMessage(getTranslation(error.getValue()));
                    field.setInvalid(true);
                }
            }
            UiSupport.error(CasesUi.reason(this, e));
        }
    }
}
