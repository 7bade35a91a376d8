package ua.hromada.portal.testing;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import com.vaadin.flow.server.VaadinSession;

/** Vaadin sessions for views tested without a servlet container. */
public final class TestSessions {

    private TestSessions() {
    }

    /**
     * A session whose lock the calling thread holds, as a request's thread does in the portal:
     * what a view queues on its UI (a field's focus, an opened dialog) needs one.
     */
    public static VaadinSession locked() {
        ReentrantLock lock = new ReentrantLock();
        VaadinSession session = new VaadinSession(null) {
            private static final long serialVersionUID = 1L;

            @Override
            public Lock getLockInstance() {
                return lock;
            }
        };
        lock.lock();
        return session;
    }
}
