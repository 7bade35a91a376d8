package ua.hromada.crm.ui.applicants;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.crm.api.Applicant;
import ua.hromada.crm.api.ApplicantKind;
import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.IdentityDocumentType;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.calendar.DisplayFormats;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * An applicant's fields, named as the service names them, so its field errors land at their
 * fields: a person's names, birth date, РНОКПП and identity document (no expiry for a passport
 * book), or an organisation's name and ЄДРПОУ with its representative's names; the contacts.
 */
class ApplicantForm extends FormLayout {
    private static final long serialVersionUID = 1L;

    /** Field name of the service → its field. */
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    final RadioButtonGroup<ApplicantKind> kind = new RadioButtonGroup<>();
    final TextField lastName = text("applicant-last-name", "lastName", 100);
    final TextField firstName = text("applicant-first-name", "firstName", 100);
    final TextField patronymic = text("applicant-patronymic", "patronymic", 100);
    final DatePicker birthDate = date("applicant-birth-date", "birthDate");
    final TextField taxNumber = text("applicant-tax-number", "taxNumber", 12);
    final RadioButtonGroup<IdentityDocumentType> documentType = new RadioButtonGroup<>();
    final TextField documentNumber = text("applicant-document-number", "documentNumber", 20);
    final DatePicker documentExpiry = date("applicant-document-expiry", "documentExpiry");
    final TextField registryNumber = text("applicant-registry-number", "registryNumber", 20);
    final TextField organisationName = text("applicant-organisation-name", "organisationName", 500);
    final TextField edrpou = text("applicant-edrpou", "edrpou", 10);
    final TextField phone = text("applicant-phone", "phone", 40);
    final EmailField email = new EmailField();
    final TextField address = text("applicant-address", "address", 500);
    private long id;
    private long version;

    ApplicantForm() {
        kind.setId("applicant-kind");
        kind.setLabel(getTranslation("crm.applicant.ui.f.kind"));
        kind.setItems(ApplicantKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("crm.applicant.ui.kind." + k.name()));
        kind.setValue(ApplicantKind.PERSON);
        kind.addValueChangeListener(e -> showKind());
        documentType.setId("applicant-document-type");
        documentType.setLabel(getTranslation("crm.applicant.ui.f.documentType"));
        documentType.setItems(IdentityDocumentType.values());
        documentType.setItemLabelGenerator(t -> getTranslation("crm.applicant.ui.document." + t.name()));
        documentType.addValueChangeListener(e -> showKind());
        email.setId("applicant-email");
        email.setLabel(getTranslation("crm.applicant.ui.f.email"));
        email.setMaxLength(254);
        taxNumber.setHelperText(getTranslation("crm.applicant.ui.f.taxNumber.help"));
        registryNumber.setHelperText(getTranslation("crm.applicant.ui.f.registryNumber.help"));
        lastName.setRequired(true);
        firstName.setRequired(true);
        birthDate.setRequired(true);
        organisationName.setRequired(true);
        edrpou.setRequired(true);
        fields.put("kind", kind);
        fields.put("email", email);
        fields.put("documentType", documentType);
        add(kind, 2);
        add(organisationName, edrpou, lastName, firstName, patronymic, birthDate, taxNumber, registryNumber);
        add(documentType, 2);
        add(documentNumber, documentExpiry, phone, email);
        add(address, 2);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        showKind();
    }

    private TextField text(String domId, String name, int max) {
        TextField f = new TextField(getTranslation("crm.applicant.ui.f." + name));
        f.setId(domId);
        f.setMaxLength(max);
        fields.put(name, f);
        return f;
    }

    private DatePicker date(String domId, String name) {
        DatePicker p = new DatePicker(getTranslation("crm.applicant.ui.f." + name));
        p.setId(domId);
        UiSupport.localise(p);
        fields.put(name, p);
        return p;
    }

    /** A person's fields or an organisation's; the expiry only for a document that has one. */
    private void showKind() {
        boolean organisation = kind.getValue() == ApplicantKind.ORGANISATION;
        organisationName.setVisible(organisation);
        edrpou.setVisible(organisation);
        lastName.setRequired(!organisation);
        firstName.setRequired(!organisation);
        birthDate.setRequired(!organisation);
        documentExpiry.setVisible(documentType.getValue() != IdentityDocumentType.PASSPORT_BOOK);
    }

    void setReadOnly(boolean readOnly) {
        fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).setReadOnly(readOnly));
    }

    void show(Applicant a) {
        id = a.id();
        version = a.version();
        kind.setValue(a.kind());
        lastName.setValue(a.lastName());
        firstName.setValue(a.firstName());
        patronymic.setValue(a.patronymic());
        birthDate.setValue(a.birthDate());
        taxNumber.setValue(a.taxNumber());
        documentType.setValue(a.documentType());
        documentNumber.setValue(a.documentNumber());
        documentExpiry.setValue(a.documentExpiry());
        registryNumber.setValue(a.registryNumber());
        organisationName.setValue(a.organisationName());
        edrpou.setValue(a.edrpou());
        phone.setValue(a.phone());
        email.setValue(a.email());
        address.setValue(a.address());
        clearErrors();
    }

    /** The applicant as typed; hidden fields count as empty. */
    Applicant value() {
        boolean organisation = kind.getValue() == ApplicantKind.ORGANISATION;
        return new Applicant(id, kind.getValue(), lastName.getValue(), firstName.getValue(), patronymic.getValue(),
                birthDate.getValue(), taxNumber.getValue(), documentType.getValue(), documentNumber.getValue(),
                documentExpiry.isVisible() ? documentExpiry.getValue() : null, registryNumber.getValue(),
                organisation ? organisationName.getValue() : "", organisation ? edrpou.getValue() : "", phone.getValue(),
                email.getValue(), address.getValue(), version);
    }

    void clearErrors() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }

    /** Puts each of the service's field errors at its field; focuses the first. */
    void showErrors(CrmException e) {
        clearErrors();
        CrmUi.markFields(this, e, fields);
        fields.values().stream().filter(HasValidation::isInvalid).findFirst()
                .filter(com.vaadin.flow.component.Focusable.class::isInstance)
                .ifPresent(f -> ((com.vaadin.flow.component.Focusable<?>) f).focus());
    }

    /** The field of a service's field name, for tests. */
    Component field(String name) {
        return (Component) fields.get(name);
    }
}
