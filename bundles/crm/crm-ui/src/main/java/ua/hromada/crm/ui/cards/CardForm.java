package ua.hromada.crm.ui.cards;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.crm.api.Channel;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.FeeKind;
import ua.hromada.crm.api.ProviderKind;
import ua.hromada.crm.api.ServiceCard;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.legal.LegalActLookup;
import ua.hromada.portal.ui.legal.LegalActField;

/**
 * A service card's fields, named as the service names them so its field errors land at their
 * fields; the fee's amount or formula and the back office's role shown only where they apply.
 */
class CardForm extends FormLayout {
    private static final long serialVersionUID = 1L;

    /** Field name of the service → its field (declared first: the fields below register in it). */
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    final TextField localCode = text("card-local-code", "localCode");
    final TextField nationalId = text("card-national-id", "nationalId");
    final TextField name = text("card-name", "name");
    final RadioButtonGroup<ProviderKind> providerKind = radio("card-provider-kind", "providerKind", ProviderKind.values());
    final TextField provider = text("card-provider", "provider");
    final TextField providerRole = text("card-provider-role", "providerRole");
    final TextArea legalBasis = area("card-legal-basis", "legalBasis");
    final LegalActField legalActId;
    final RadioButtonGroup<FeeKind> feeKind = radio("card-fee-kind", "feeKind", FeeKind.values());
    final BigDecimalField feeAmount = new BigDecimalField(getTranslation("crm.card.ui.f.feeAmount"));
    final TextField feeFormula = text("card-fee-formula", "feeFormula");
    final IntegerField termDays = new IntegerField(getTranslation("crm.card.ui.f.termDays"));
    final TextArea result = area("card-result", "result");
    final TextArea refusalGrounds = area("card-refusal-grounds", "refusalGrounds");
    final CheckboxGroup<Channel> channels = new CheckboxGroup<>(getTranslation("crm.card.ui.f.channels"));
    final TextField queueGroup = text("card-queue-group", "queueGroup");
    final Checkbox active = new Checkbox(getTranslation("crm.card.ui.f.active"));
    final DocumentsEditor documents = new DocumentsEditor();
    private ServiceCard shown;

    /** {@code acts}: document search's acts for the legal basis, null while that module is not installed. */
    CardForm(LegalActLookup acts) {
        legalActId = new LegalActField("card-legal-act", getTranslation("crm.card.ui.f.legalActId"), acts);
        fields.put("legalActId", legalActId);
        feeAmount.setId("card-fee-amount");
        feeAmount.setSuffixComponent(new com.vaadin.flow.component.html.Span("грн"));
        termDays.setId("card-term-days");
        termDays.setMin(1);
        termDays.setMax(365);
        termDays.setStepButtonsVisible(true);
        channels.setId("card-channels");
        channels.setItems(Channel.values());
        channels.setItemLabelGenerator(c -> getTranslation("crm.card.ui.channel." + c.name()));
        active.setId("card-active");
        fields.put("feeAmount", feeAmount);
        fields.put("termDays", termDays);
        fields.put("channels", channels);
        providerRole.setHelperText(getTranslation("crm.card.ui.f.providerRole.help"));
        providerKind.addValueChangeListener(e -> showKinds());
        feeKind.addValueChangeListener(e -> showKinds());
        for (String required : new String[] {"localCode", "name", "provider"}) {
            ((TextField) fields.get(required)).setRequired(true);
        }
        termDays.setRequired(true);
        add(localCode, nationalId);
        add(name, 2);
        add(providerKind, provider, providerRole, queueGroup);
        add(legalBasis, 2);
        add(legalActId, 2);
        add(feeKind, 2);
        add(feeAmount, feeFormula, termDays, channels);
        add(result, refusalGrounds);
        add(documents, 2);
        add(active, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("700px", 2));
    }

    private TextField text(String id, String field) {
        TextField f = new TextField(getTranslation("crm.card.ui.f." + field));
        f.setId(id);
        fields.put(field, f);
        return f;
    }

    private TextArea area(String id, String field) {
        TextArea f = new TextArea(getTranslation("crm.card.ui.f." + field));
        f.setId(id);
        fields.put(field, f);
        return f;
    }

    private <E extends Enum<E>> RadioButtonGroup<E> radio(String id, String field, E[] values) {
        RadioButtonGroup<E> g = new RadioButtonGroup<>(getTranslation("crm.card.ui.f." + field));
        g.setId(id);
        g.setItems(values);
        g.setItemLabelGenerator(v -> getTranslation("crm.card.ui." + field + "." + v.name()));
        fields.put(field, g);
        return g;
    }

    private void showKinds() {
        providerRole.setVisible(providerKind.getValue() != ProviderKind.STATE_BODY);
        feeAmount.setVisible(feeKind.getValue() == FeeKind.AMOUNT);
        feeFormula.setVisible(feeKind.getValue() == FeeKind.FORMULA);
    }

    /** The fee in words for lists and versions. */
    static String fee(Component owner, ServiceCard c) {
        return switch (c.feeKind()) {
            case FREE -> owner.getTranslation("crm.card.ui.feeKind.FREE");
            case AMOUNT -> c.feeAmount() == null ? "" : c.feeAmount().toPlainString().replace('.', ',') + " грн";
            case FORMULA -> c.feeFormula();
        };
    }

    void setReadOnly(boolean readOnly) {
        fields.values().forEach(f -> ((HasValue<?, ?>) f).setReadOnly(readOnly));
        active.setReadOnly(readOnly);
        documents.setReadOnly(readOnly);
    }

    void show(ServiceCard c) {
        shown = c;
        localCode.setValue(c.localCode());
        nationalId.setValue(c.nationalId());
        name.setValue(c.name());
        providerKind.setValue(c.providerKind());
        provider.setValue(c.provider());
        providerRole.setValue(c.providerRole());
        legalBasis.setValue(c.legalBasis());
        legalActId.setValue(c.legalActId().isEmpty() ? null : Long.valueOf(c.legalActId()));
        feeKind.setValue(c.feeKind());
        feeAmount.setValue(c.feeAmount());
        feeFormula.setValue(c.feeFormula());
        termDays.setValue(c.termDays());
        result.setValue(c.result());
        refusalGrounds.setValue(c.refusalGrounds());
        channels.setValue(c.channels().isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(c.channels()));
        queueGroup.setValue(c.queueGroup());
        active.setValue(c.active());
        documents.setValue(c.documents());
        showKinds();
        clearErrors();
    }

    /** The card as typed, under the id and versions of the card shown. */
    ServiceCard value() {
        Integer term = termDays.getValue();
        return new ServiceCard(shown.id(), nationalId.getValue(), localCode.getValue(), name.getValue(),
                providerKind.getValue(), provider.getValue(), providerRole.getValue(), legalBasis.getValue(),
                legalActId.getValue() == null ? "" : legalActId.getValue().toString(), feeKind.getValue(), feeAmount.getValue(), feeFormula.getValue(),
                term == null ? 0 : term, result.getValue(), refusalGrounds.getValue(), channels.getValue(),
                queueGroup.getValue(), documents.getValue(), active.getValue(), shown.cardVersion(), shown.version());
    }

    void clearErrors() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        documents.showError(null);
    }

    void showErrors(CrmException e) {
        clearErrors();
        String documentsError = CrmUi.markFields(this, e, fields).get("documents");
        if (documentsError != null) {
            documents.showError(getTranslation(documentsError, e.fieldArgs("documents")));
        }
    }
}
