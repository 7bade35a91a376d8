package ua.hromada.eservices.ui.appeals;

import java.io.Serializable;
import java.util.Optional;

import com.vaadin.flow.server.VaadinSession;

/**
 * Where the cabinet page keeps what outlives one page: the cabinet session a link opened (until it
 * expires or the person leaves), and that the last link did not work (said once, on the page the
 * link's address moved to). Kept in the person's Vaadin session, so another browser knows nothing of it.
 */
public final class CabinetSession implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String ID = CabinetSession.class.getName() + ".id";
    private static final String REFUSED = CabinetSession.class.getName() + ".linkRefused";

    private final VaadinSession session;

    public CabinetSession(VaadinSession session) {
        this.session = session;
    }

    /** The session of the page being built (the UI thread of a request). */
    public static CabinetSession current() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            throw new IllegalStateException("The cabinet is shown only within a Vaadin session");
        }
        return new CabinetSession(session);
    }

    Optional<String> id() {
        Object id = session.getAttribute(ID);
        return id instanceof String s ? Optional.of(s) : Optional.empty();
    }

    void open(String id) {
        session.setAttribute(ID, id);
        session.setAttribute(REFUSED, null);
    }

    void close() {
        session.setAttribute(ID, null);
    }

    void linkRefused() {
        session.setAttribute(REFUSED, Boolean.TRUE);
    }

    /** Whether the last link did not work; said once. */
    boolean takeLinkRefused() {
        boolean refused = Boolean.TRUE.equals(session.getAttribute(REFUSED));
        session.setAttribute(REFUSED, null);
        return refused;
    }
}
