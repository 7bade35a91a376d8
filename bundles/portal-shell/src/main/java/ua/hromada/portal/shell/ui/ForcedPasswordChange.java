package ua.hromada.portal.shell.ui;

import java.util.function.Consumer;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.AuthResult;

/**
 * Shown in place of the login form after a sign-in with the bootstrap password. Nobody is signed
 * in yet (no user in the session), so no other route and no API is reachable until this succeeds.
 */
class ForcedPasswordChange extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    ForcedPasswordChange(UserAccounts accounts, String changeTicket, String clientAddress,
            Consumer<AuthResult> signedIn) {
        setId("forced-password-change");
        setMaxWidth("420px");
        setPadding(false);
        NewPasswordFields fields = new NewPasswordFields();
        PasswordField password = fields.password();
        password.setId("forced-new-password");
        password.setWidthFull();
        PasswordField repeat = fields.repeat();
        repeat.setId("forced-repeat-password");
        repeat.setWidthFull();
        Button save = new Button(getTranslation("login.change.submit"), e -> {
            if (!fields.check()) {
                return;
            }
            try {
                signedIn.accept(accounts.completePasswordChange(changeTicket, fields.value(), clientAddress));
            } catch (AccountException ex) {
                fields.refuse(getTranslation(ex.messageKey()));
            }
        });
        save.setId("forced-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        add(new H2(getTranslation("login.change.title")), new Paragraph(getTranslation("login.change.explain")),
                password, repeat, save);
        password.focus();
    }
}
