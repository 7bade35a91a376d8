package ua.hromada.crm.ui.cases;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;

/** The two steps that need words: a refusal's ground (one of the card's, or typed) and a cancellation's reason. */
final class CaseDialogs {

    private CaseDialogs() {
    }

    static void refuse(Component owner, List<String> grounds, Consumer<String> refuse) {
        ComboBox<String> ground = new ComboBox<>(owner.getTranslation("crm.case.ui.refuse.ground"));
        ground.setId("case-refuse-ground");
        ground.setItems(grounds);
        ground.setAllowCustomValue(true);
        ground.addCustomValueSetListener(e -> ground.setValue(e.getDetail()));
        ground.setWidth("36em");
        ground.setHelperText(owner.getTranslation("crm.case.ui.refuse.hint"));
        open(owner, "crm.case.ui.refuse", ground, "case-refuse-confirm", () -> {
            if (ground.getValue() == null || ground.getValue().isBlank()) {
                ground.setErrorMessage(owner.getTranslation("crm.case.error.ground"));
                ground.setInvalid(true);
                return false;
            }
            refuse.accept(ground.getValue());
            return true;
        });
    }

    static void cancel(Component owner, Consumer<String> cancel) {
        TextField reason = new TextField(owner.getTranslation("crm.case.ui.cancel.reason"));
        reason.setId("case-cancel-reason");
        reason.setWidth("36em");
        reason.setMaxLength(2000);
        open(owner, "crm.case.ui.cancel", reason, "case-cancel-confirm", () -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(owner.getTranslation("crm.case.error.reason"));
                reason.setInvalid(true);
                return false;
            }
            cancel.accept(reason.getValue());
            return true;
        });
    }

    private static void open(Component owner, String titleKey, Component field, String confirmId,
            java.util.function.BooleanSupplier confirm) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(owner.getTranslation(titleKey));
        dialog.add(field);
        Button ok = new Button(owner.getTranslation(titleKey), e -> {
            if (confirm.getAsBoolean()) {
                dialog.close();
            }
        });
        ok.setId(confirmId);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button(owner.getTranslation("crm.case.ui.back"), e -> dialog.close());
        dialog.getFooter().add(back, ok);
        dialog.open();
    }
}
