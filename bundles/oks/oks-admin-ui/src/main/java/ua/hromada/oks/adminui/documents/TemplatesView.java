package ua.hromada.oks.adminui.documents;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import ua.hromada.oks.adminui.support.Feedback;
import ua.hromada.oks.api.DocumentRegister;
import ua.hromada.oks.api.DocumentTemplate;
import ua.hromada.oks.api.OksException;
import ua.hromada.oks.api.ViolationDocuments.Kind;
import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.jdbc.EditConflictException;

/**
 * {@code oks/admin/templates}: the texts of the warning and the protocol in this community — the
 * heading, the body with its placeholders and the registration number's pattern — checked and saved
 * by the register; the council's requisites stay in configuration.
 */
public class TemplatesView extends VerticalLayout {
    public static final String ROUTE = "oks/admin/templates";
    private static final long serialVersionUID = 1L;

    private final transient DocumentRegister register;
    private final transient CurrentUser currentUser;
    private final Select<Kind> kind = new Select<>();
    private final TextArea heading = new TextArea();
    private final TextArea body = new TextArea();
    private final TextField pattern = new TextField();
    private transient DocumentTemplate shown;

    public TemplatesView(DocumentRegister register, CurrentUser currentUser) {
        this.register = register;
        this.currentUser = currentUser;
        setId("oks-templates-view");
        setMaxWidth("60rem");
        kind.setId("oks-template-kind");
        kind.setLabel(getTranslation("oks.adminui.templates.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("oks.adminui.templates.kind." + k.name()));
        kind.addValueChangeListener(e -> load(e.getValue()));
        heading.setId("oks-template-heading");
        heading.setLabel(getTranslation("oks.adminui.templates.heading"));
        heading.setWidthFull();
        body.setId("oks-template-body");
        body.setLabel(getTranslation("oks.adminui.templates.body"));
        body.setWidthFull();
        body.setMinHeight("16rem");
        pattern.setId("oks-template-pattern");
        pattern.setLabel(getTranslation("oks.adminui.templates.pattern"));
        pattern.setHelperText(getTranslation("oks.adminui.templates.patternHelp"));
        Paragraph help = new Paragraph(getTranslation("oks.adminui.templates.help",
                String.join(" ", DocumentTemplate.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList())));
        Button save = new Button(getTranslation("oks.adminui.templates.save"), e -> save());
        save.setId("oks-template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("oks.adminui.menu.templates")), kind, help, heading, body, pattern, save);
        kind.setValue(Kind.WARNING);
    }

    private void load(Kind k) {
        shown = register.template(k);
        heading.setValue(shown.heading());
        body.setValue(shown.body());
        pattern.setValue(shown.numberPattern());
    }

    private void save() {
        try {
            PortalUser actor = currentUser.get().orElseThrow(() -> new OksException(OksException.Reason.FORBIDDEN,
                    "oks.adminui.common.signedOut"));
            shown = register.saveTemplate(actor, new DocumentTemplate(kind.getValue(), heading.getValue(), body.getValue(),
                    pattern.getValue(), shown.version()));
            Feedback.success(getTranslation("oks.adminui.templates.saved",
                    getTranslation("oks.adminui.templates.kind." + shown.kind().name())));
        } catch (EditConflictException e) {
            Feedback.error(getTranslation("oks.adminui.templates.conflict"));
            load(kind.getValue());
        } catch (OksException e) {
            Feedback.error(getTranslation(e.messageKey(), e.args()));
        }
    }
}
