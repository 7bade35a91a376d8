package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.communication.PushMode;

import jakarta.servlet.http.Cookie;

import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.security.UserAccounts;
import ua.hromada.portal.api.security.UserAccounts.AuthResult;
import ua.hromada.portal.api.security.UserAccounts.SignInAttempt;
import ua.hromada.portal.shell.core.CurrentUserImpl;
import ua.hromada.portal.shell.core.PortalSettingsImpl;

/**
 * Sign-in page. Every refusal shows the same words (see UserAccounts#signIn); a sign-in with the
 * bootstrap password turns the page into the forced password change.
 */
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;
    public static final String ROUTE = "login";
    /** Session attribute: where to go after signing in. */
    public static final String RETURN_TO = "hromada.returnTo";

    /** Cookie with the token of a browser that signed in before (see UserAccounts#signIn). */
    static final String DEVICE_COOKIE = "hromada-device";
    /** The server decides how long a device stays known (devices.days); the cookie just outlives it. */
    private static final int DEVICE_COOKIE_SECONDS = 400 * 24 * 3600;

    private final transient UserAccounts accounts;
    private final transient CurrentUserImpl currentUser;
    private final LoginForm form = new LoginForm();
    private final LoginI18n i18n = LoginI18n.createDefault();

    public LoginView(UserAccounts accounts, CurrentUserImpl currentUser, PortalSettingsImpl settings) {
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

        if (settings.logoSrc() != null) {
            // alt text = the name: a screen reader (or a logo that fails to load) still says whose portal it is
            Image logo = new Image(settings.logoSrc(), settings.communityName(getLocale()));
            logo.setId("community-logo");
            logo.setHeight("96px");
            add(logo);
        }
        H1 name = new H1(settings.communityName(getLocale()));
        name.getStyle().set("font-size", "var(--lumo-font-size-xxl)");
        Paragraph subtitle = new Paragraph(getTranslation("login.subtitle"));
        add(name, subtitle, form);
    }

    /**
     * The login page runs without server push. Sign-in changes the session id; over long-polling
     * push the answer to the sign-in reaches the browser on the waiting push request while the new
     * session cookie comes with the answer to the sign-in's own request, so the page's next push
     * request could go out with the old cookie, find no session and lose the page's message order
     * ("Unexpected message id from the client"). Without push, the sign-in is one plain request
     * whose answer carries both the new cookie and the redirect.
     */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPushConfiguration().setPushMode(PushMode.DISABLED);
        // the form's own password field has no Java API: its reveal button would say "Show password"
        form.getElement().executeJs("const f = this.querySelector('vaadin-password-field');"
                + " if (f) { f.i18n = Object.assign({}, f.i18n, { reveal: $0 }); }",
                getTranslation("vaadin.password.reveal"));
    }

    /** Other pages of the same browser tab (public pages reached by a link) get push back. */
    @Override
    protected void onDetach(DetachEvent event) {
        if (!event.getUI().isClosing()) {
            event.getUI().getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        }
        super.onDetach(event);
    }

    private void signIn(String username, String password) {
        VaadinRequest request = VaadinRequest.getCurrent();
        String client = request.getRemoteAddr();
        AuthResult result = accounts.signIn(new SignInAttempt(username == null ? "" : username.trim(),
                password == null ? new char[0] : password.toCharArray(), client, deviceToken(request)));
        if (result.status() == AuthResult.Status.PASSWORD_CHANGE_REQUIRED) {
            // the bootstrap password: nobody is signed in until a new one is set
            remove(form);
            add(new ForcedPasswordChange(accounts, result.changeTicket(), client, this::enter));
            return;
        }
        if (!result.ok()) {
            // one message for every refusal: it must not tell which part was wrong
            i18n.getErrorMessage().setMessage(getTranslation(result.messageKey() != null ? result.messageKey()
                    : "login.error.badCredentials"));
            form.setI18n(i18n);
            form.setError(true);
            return;
        }
        enter(result);
    }

    /** Signs the user in to this session and leaves the login page. */
    private void enter(AuthResult result) {
        rememberDevice(result.deviceToken());
        // a new session id after sign-in, against session fixation
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession session = VaadinSession.getCurrent();
        PortalUser user = result.user();
        currentUser.signIn(session, user);
        Object returnTo = session.getAttribute(RETURN_TO);
        session.setAttribute(RETURN_TO, null);
        // an employee who signed in goes to the page that sent them here, never back to the public home
        String target = returnTo instanceof String s && !s.startsWith(ROUTE) && !s.startsWith(PublicHomeView.ROUTE) ? s : "";
        getUI().ifPresent(ui -> ui.getPage().setLocation(target.isEmpty() ? "./" : target));
    }

    static String deviceToken(VaadinRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (DEVICE_COOKIE.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /**
     * The browser keeps the token of a successful sign-in: the right password from it passes the
     * account's soft lock and its address's throttling. HttpOnly, so page scripts never see it.
     */
    private static void rememberDevice(String token) {
        VaadinResponse response = VaadinResponse.getCurrent();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (token == null || !(response instanceof VaadinServletResponse servletResponse)) {
            return;
        }
        Cookie cookie = new Cookie(DEVICE_COOKIE, token);
        String path = request.getContextPath();
        cookie.setPath(path == null || path.isEmpty() ? "/" : path);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(DEVICE_COOKIE_SECONDS);
        cookie.setAttribute("SameSite", "Lax");
        servletResponse.addCookie(cookie);
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
