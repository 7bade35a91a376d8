package ua.hromada.portal.shell.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.AuthResult;
import ua.hromada.portal.shell.core.SessionCurrentUser;
import ua.hromada.portal.shell.core.ShellSettings;

/** Sign-in page. Refusals say why in plain words (wrong credentials, locked, disabled). */
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    public static final String ROUTE = "login";
    /** Session attribute: where to go after signing in. */
    public static final String RETURN_TO = "hromada.returnTo";

    private final transient UserAccounts accounts;
    private final transient SessionCurrentUser currentUser;
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(UserAccounts accounts, SessionCurrentUser currentUser, ShellSettings settings) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        setId("login-view");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.badCredentials"));
        i18n.getErrorMessage().setUsername(getTranslation("login.error.usernameRequired"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.passwordRequired"));
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(e -> signIn(e.getUsername(), e.getPassword()));

        H1 name = new H1(settings.communityName(getLocale()));
        name.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        Paragraph subtitle = new Paragraph(getTranslation("login.subtitle"));
        add(name, subtitle, form);
    }

    private void signIn(String username, String password) {
        AuthResult result = accounts.authenticate(username == null ? "" : username.trim(),
                password == null ? new char[0] : password.toCharArray());
        if (!result.ok()) {
            String key = result.messageKey() != null ? result.messageKey() : "login.error.badCredentials";
            String message = result.lockedUntil() != null
                    ? getTranslation(key, DateTimeFormatter.ofPattern("HH:mm")
                            .format(result.lockedUntil().atZone(ZoneId.systemDefault())))
                    : getTranslation(key);
            i18n.getErrorMessage().setMessage(message);
            form.setI18n(i18n);
            form.setError(true);
            return;
        }
        // a new session id after sign-in, against session fixation
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession session = VaadinSession.getCurrent();
        PortalUser user = result.user();
        currentUser.signIn(session, user);
        Object returnTo = session.getAttribute(RETURN_TO);
        session.setAttribute(RETURN_TO, null);
        String target = returnTo instanceof String s && !s.startsWith(ROUTE) ? s : "";
        getUI().ifPresent(ui -> ui.getPage().setLocation(target.isEmpty() ? "./" : target));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
