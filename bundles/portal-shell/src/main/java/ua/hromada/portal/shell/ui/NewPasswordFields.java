package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;

import ua.hromada.portal.ui.support.ComponentTexts;

/**
 * A new password typed twice, the one place the repeat is checked (users view, profile, forced
 * change at first sign-in). The mismatch message goes as soon as the two agree, and a refusal of
 * the service (too short, same as the username) is shown at the password field.
 */
public final class NewPasswordFields {
    private final PasswordField password;
    private final PasswordField repeat;

    public NewPasswordFields() {
        password = ComponentTexts.password(new PasswordField());
        password.setLabel(password.getTranslation("admin.users.newPassword"));
        repeat = ComponentTexts.password(new PasswordField());
        repeat.setLabel(repeat.getTranslation("admin.users.repeatPassword"));
        password.setManualValidation(true);
        repeat.setManualValidation(true);
        password.setValueChangeMode(ValueChangeMode.EAGER);
        repeat.setValueChangeMode(ValueChangeMode.EAGER);
        // a stale "do not match" or refusal disappears once the person types again
        password.addValueChangeListener(e -> {
            password.setInvalid(false);
            if (repeat.isInvalid() && matches()) {
                repeat.setInvalid(false);
            }
        });
        repeat.addValueChangeListener(e -> {
            if (repeat.isInvalid() && matches()) {
                repeat.setInvalid(false);
            }
        });
    }

    public PasswordField password() {
        return password;
    }

    public PasswordField repeat() {
        return repeat;
    }

    /** True when both agree; else the repeat field says they do not. */
    public boolean check() {
        if (matches()) {
            repeat.setInvalid(false);
            return true;
        }
        repeat.setErrorMessage(repeat.getTranslation("admin.users.passwordMismatch"));
        repeat.setInvalid(true);
        return false;
    }

    /** A refusal of the new password (message key of the service) at the password field. */
    public void refuse(String message) {
        password.setErrorMessage(message);
        password.setInvalid(true);
    }

    public char[] value() {
        return password.getValue().toCharArray();
    }

    public void clear() {
        password.clear();
        repeat.clear();
        password.setInvalid(false);
        repeat.setInvalid(false);
    }

    private boolean matches() {
        return password.getValue().equals(repeat.getValue());
    }
}
