package ua.hromada.oks.ui.view;

import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.oks.api.DocumentDetails;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.DocumentStep;
import ua.hromada.oks.api.IssuedDocument;
import ua.hromada.oks.api.LegalArticle;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.Violation;
import ua.hromada.oks.api.ViolationDocuments;
import ua.hromada.oks.api.Violator;
import ua.hromada.portal.api.PortalUser;

/**
 * Issues a step's document: the violator (person with РНОКПП, or organisation with ЄДРПОУ, and the
 * address), the article from the community's catalogue and, for a protocol, witnesses and the
 * violator's explanation. The register checks everything and gives the number; a refusal is shown
 * at its field.
 */
class IssueDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient DocumentRegister register;
    private final transient PortalUser user;
    private final transient Violation violation;
    private final transient DocumentStep step;
    private final transient Runnable issued;

    private final RadioButtonGroup<Violator.Kind> kind = new RadioButtonGroup<>();
    private final TextField name = new TextField();
    private final TextField code = new TextField();
    private final TextField address = new TextField();
    private final TextField details = new TextField();
    private final ComboBox<LegalArticle> article = new ComboBox<>();
    private final TextArea witnesses = new TextArea();
    private final TextArea explanation = new TextArea();

    IssueDialog(DocumentRegister register, PortalUser user, Violation violation, DocumentStep step, Runnable issued) {
        this.register = register;
        this.user = user;
        this.violation = violation;
        this.step = step;
        this.issued = issued;
        setId("oks-doc-dialog");
        setHeaderTitle(getTranslation("oks.ui.documents.dialog", getTranslation("oks.ui.documents.kind." + step.kind().name()),
                step.actionName()));
        setWidth("44rem");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));

        kind.setItems(Violator.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("oks.ui.documents.violator." + k.name()));
        kind.setId("oks-doc-violator-kind");
        kind.addValueChangeListener(e -> code.setLabel(getTranslation(e.getValue() == Violator.Kind.ORGANISATION
                ? "oks.ui.documents.edrpou" : "oks.ui.documents.taxNumber")));
        name.setId("oks-doc-violator-name");
        name.setLabel(getTranslation("oks.ui.documents.name"));
        code.setId("oks-doc-violator-code");
        code.setLabel(getTranslation("oks.ui.documents.taxNumber"));
        address.setId("oks-doc-violator-address");
        address.setLabel(getTranslation("oks.ui.documents.address"));
        details.setId("oks-doc-violator-details");
        details.setLabel(getTranslation("oks.ui.documents.details"));
        Violator known = violation.violator();
        if (known != null) {
            kind.setValue(known.kind());
            name.setValue(known.name() == null ? "" : known.name());
            details.setValue(known.details() == null ? "" : known.details());
        }
        article.setId("oks-doc-article");
        article.setLabel(getTranslation("oks.ui.documents.article"));
        article.setItems(register.articles(false));
        article.setItemLabelGenerator(LegalArticle::citation);
        form.add(kind, 2);
        form.add(name, code, address, details);
        form.add(article, 2);
        if (step.kind() == ViolationDocuments.Kind.PROTOCOL) {
            witnesses.setId("oks-doc-witnesses");
            witnesses.setLabel(getTranslation("oks.ui.documents.witnesses"));
            explanation.setId("oks-doc-explanation");
            explanation.setLabel(getTranslation("oks.ui.documents.explanation"));
            form.add(witnesses, 2);
            form.add(explanation, 2);
        }
        add(form);

        Button save = new Button(getTranslation("oks.ui.documents.save"), e -> save());
        save.setId("oks-doc-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("oks.ui.documents.cancel"), e -> close());
        cancel.setId("oks-doc-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        for (HasValidation f : new HasValidation[] {name, code, address, details, article, witnesses, explanation}) {
            f.setInvalid(false);
        }
        Violator v = kind.getValue() == null && name.getValue().isBlank() ? null
                : new Violator(kind.getValue(), name.getValue(), details.getValue(), code.getValue(), address.getValue());
        try {
            IssuedDocument doc = register.issue(user, violation.id(), step.journalEntryId(), new DocumentDetails(v,
                    article.getValue() == null ? null : article.getValue().id(), witnesses.getValue(), explanation.getValue()));
            OksUi.success(getTranslation("oks.ui.documents.done", doc.number()));
            close();
            issued.run();
        } catch (OksException e) {
            String reason = OksUi.reason(this, e);
            HasValidation field = fieldOf(e.messageKey());
            if (field != null) {
                field.setErrorMessage(reason);
                field.setInvalid(true);
            }
            OksUi.error(reason);
        }
    }

    /** The field a refusal is about, so the message stands where the mistake is. */
    private HasValidation fieldOf(String key) {
        Map<String, HasValidation> fields = Map.ofEntries(Map.entry("oks.register.error.violatorRequired", name),
                Map.entry("oks.error.violatorKind", name), Map.entry("oks.error.violatorKindOrganisation", name),
                Map.entry("oks.register.error.nameTooLong", name), Map.entry("oks.register.error.addressRequired", address),
                Map.entry("oks.register.error.addressTooLong", address), Map.entry("oks.register.error.detailsTooLong", details),
                Map.entry("oks.register.error.edrpouRequired", code), Map.entry("oks.register.error.edrpouFormat", code),
                Map.entry("oks.register.error.edrpouCheck", code), Map.entry("oks.register.error.taxNumberFormat", code),
                Map.entry("oks.register.error.taxNumberCheck", code), Map.entry("oks.register.error.articleRequired", article),
                Map.entry("oks.register.error.witnessesTooLong", witnesses),
                Map.entry("oks.register.error.explanationTooLong", explanation));
        return fields.get(key);
    }
}
