package ua.hromada.portal.shell.http;

import ua.hromada.portal.api.PortalHttp;
import ua.hromada.portal.shell.core.PortalConfig;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardListener;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import ua.hromada.portal.shell.core.CurrentUserImpl;

/**
 * Keeps anonymous page views from costing a session each. Vaadin creates an HTTP session for the
 * first GET of a page although that page only loads the client; the client starts the UI with a
 * second request ({@code v-r=init}), which creates the session it really uses. So a session that
 * a page GET itself created, with nobody signed in, is ended when the response is written — a
 * crawler or a flood of GETs leaves nothing behind. Sessions without a signed-in user also live
 * only {@code session.anonymous.timeout.minutes}; sign-in raises them to the portal's session
 * timeout. Counts the live sessions for the health detail.
 */
@Component(service = { Filter.class, HttpSessionListener.class, HttpSessionAttributeListener.class,
        SessionStats.class }, configurationPid = PortalConfig.PID, property = "service.ranking:Integer=900")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardListener
@HttpWhiteboardContextSelect(PortalHttp.CONTEXT_SELECT)
public class AnonymousSessions implements Filter, HttpSessionListener, HttpSessionAttributeListener, SessionStats {

    private final SessionCookies cookies = new SessionCookies();
    private final AtomicInteger live = new AtomicInteger();
    private volatile boolean secure;
    private volatile int anonymousSeconds;

    @Activate
    @Modified
    void configure(PortalConfig config) {
        String scheme = URI.create(config.public_url().strip()).getScheme();
        secure = scheme != null && scheme.toLowerCase(Locale.ROOT).equals("https");
        anonymousSeconds = Math.max(1, config.session_anonymous_timeout_minutes()) * 60;
        cookies.reset();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        cookies.apply(request, secure, anonymousSeconds);
        boolean pageLoad = request.getServletPath().isEmpty()
                && PageRequests.isPageNavigation(request.getMethod().toUpperCase(Locale.ROOT),
                        HttpEdgeFilter.path(request), request.getQueryString())
                && request.getSession(false) == null;
        chain.doFilter(request, res);
        if (pageLoad) {
            HttpSession created = request.getSession(false);
            if (created != null && created.getAttribute(CurrentUserImpl.SESSION_USERNAME) == null) {
                try {
                    created.invalidate();
                } catch (IllegalStateException alreadyInvalid) {
                    // ended meanwhile: nothing left to free
                }
            }
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.incrementAndGet();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.decrementAndGet();
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        signedIn(event);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        signedIn(event);
    }

    private void signedIn(HttpSessionBindingEvent event) {
        int signedIn = cookies.signedInSeconds();
        if (CurrentUserImpl.SESSION_USERNAME.equals(event.getName()) && signedIn > 0
                && event.getSession().getMaxInactiveInterval() < signedIn) {
            event.getSession().setMaxInactiveInterval(signedIn);
        }
    }

    @Override
    public int liveSessions() {
        return live.get();
    }
}
