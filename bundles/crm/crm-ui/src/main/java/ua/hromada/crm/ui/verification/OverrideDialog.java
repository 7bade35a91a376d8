package ua.hromada.crm.ui.verification;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;

import ua.hromada.crm.api.CrmException;
import ua.hromada.crm.api.Finding;
import ua.hromada.crm.ui.CrmUi;
import ua.hromada.portal.api.PortalException;
import ua.hromada.portal.ui.support.UiSupport;

/**
 * Asks why a fired check may be overridden ({@code override-reason}) and overrides it
 * ({@code override-confirm}); a reason the service refuses (too short) is marked on the field.
 */
final class OverrideDialog extends Dialog {
    private final TextArea reason = new TextArea();

    OverrideDialog(Finding finding, Consumer<String> override) {
        setId("override-dialog");
        setHeaderTitle(getTranslation("crm.check.ui.overrideTitle", getTranslation("crm.check.rule." + finding.rule())));
        reason.setId("override-reason");
        reason.setLabel(getTranslation("crm.check.ui.reason"));
        reason.setHelperText(getTranslation("crm.check.ui.reasonHelp"));
        reason.setWidthFull();
        reason.setMinHeight("6em");
        reason.setMaxLength(1000);
        reason.setRequired(true);
        add(new Paragraph(finding.message()), reason);
        Button confirm = new Button(getTranslation("crm.check.ui.confirm"), e -> confirm(override));
        confirm.setId("override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("crm.check.ui.cancel"), e -> close());
        cancel.setId("override-cancel");
        getFooter().add(cancel, confirm);
        setWidth("min(36rem, 95vw)");
    }

    private void confirm(Consumer<String> override) {
        try {
            override.accept(reason.getValue());
            close();
        } catch (CrmException e) {
            CrmUi.refused(this, e, Map.of("reason", reason));
        } catch (PortalException e) {
            UiSupport.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    TextArea reason() {
        return reason;
    }
}
