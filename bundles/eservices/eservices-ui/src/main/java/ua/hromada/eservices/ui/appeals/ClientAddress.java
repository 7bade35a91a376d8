package ua.hromada.eservices.ui.appeals;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WebBrowser;

/**
 * The address of the person on the page, as the portal gives it: the session's browser address
 * (which the HTTP server already took from a trusted proxy's forwarding headers when it is so
 * configured), else the current request's. The public forms' rate limits count by it.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** Call in the UI thread of a request (building a view, a click). */
    public static String current() {
        VaadinSession session = VaadinSession.getCurrent();
        WebBrowser browser = session == null ? null : session.getBrowser();
        if (browser != null && browser.getAddress() != null) {
            return browser.getAddress();
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        throw new IllegalStateException("No client address outside a request of the page");
    }
}
