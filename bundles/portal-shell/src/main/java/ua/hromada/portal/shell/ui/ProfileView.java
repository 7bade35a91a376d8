package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinRequest;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.AccountException;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.AuthResult;
import ua.hromada.portal.api.security.UserAccounts.SignInAttempt;
import ua.hromada.portal.ui.support.ComponentTexts;

/** The signed-in employee's own profile: who they are, their roles, and a password change. */
public class ProfileView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    public static final String ROUTE = "profile";

    public ProfileView(UserAccounts accounts, PortalUser user) {
        setId("profile-view");
        add(new H3(user.displayName() + " (" + user.username() + ")"));
        add(new Paragraph(getTranslation("profile.roles", String.join(", ", user.roles()))));
        PasswordField current = ComponentTexts.password(new PasswordField(getTranslation("profile.currentPassword")));
        NewPasswordFields fields = new NewPasswordFields();
        Button save = new Button(getTranslation("profile.changePassword"), e -> {
            current.setInvalid(false);
            if (!fields.check()) {
                return;
            }
            // the same rules as the login form: this client's throttling applies, its device counts
            VaadinRequest request = VaadinRequest.getCurrent();
            AuthResult check = accounts.signIn(new SignInAttempt(user.username(), current.getValue().toCharArray(),
                    request.getRemoteAddr(), LoginView.deviceToken(request)));
            if (!check.ok()) {
                current.setErrorMessage(getTranslation("profile.wrongPassword"));
                current.setInvalid(true);
                return;
            }
            try {
                accounts.changePassword(user.username(), fields.value(), user.username());
                current.clear();
                fields.clear();
                Notification.show(getTranslation("admin.users.passwordChanged"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (AccountException ex) {
                fields.refuse(getTranslation(ex.messageKey()));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        FormLayout form = new FormLayout(current, fields.password(), fields.repeat());
        form.setMaxWidth("480px");
        add(form, save);
    }
}
