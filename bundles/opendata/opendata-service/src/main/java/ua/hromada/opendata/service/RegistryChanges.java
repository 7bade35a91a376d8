package ua.hromada.opendata.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;
import org.slf4j.LoggerFactory;

import ua.hromada.opendata.api.RegistryListener;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.audit.AuditLog;
import ua.hromada.portal.api.jdbc.Transactions;

/**
 * What a change of the registry leaves behind: its audit entry, written on the change's own
 * connection so both commit or roll back together, and, once committed, a word to the registry's
 * listeners (the whiteboard of {@link RegistryListener} services).
 */
final class RegistryChanges {
    static final String MODULE = "opendata";

    private final OpendataDatabase db;
    private final AuditLog audit;
    /**
     * Listener services are fetched when a change is told, not when bound: a listener such as the
     * publication both listens and needs this registry, and fetching it while this component
     * activates is a service cycle (Felix logged it at boot, now and then, and left it unbound).
     */
    private final Map<Object, Supplier<RegistryListener>> listeners = new ConcurrentHashMap<>();

    RegistryChanges(OpendataDatabase db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    /** One change in one transaction (its entries written inside it with {@link #entry}); then the listeners hear of it. */
    <T> T write(Transactions.Work<T> work) {
        T result = db.tx(work);
        tell();
        return result;
    }

    /** The change's audit entry, in the caller's transaction: a failed entry rolls the change back. */
    void entry(Connection c, PortalUser actor, String entityType, long id, String action, String changes)
            throws SQLException {
        audit.record(c, actor == null ? "system" : actor.username(), MODULE, entityType, Long.toString(id), action,
                changes);
    }

    /** Tells every listener that the registry changed (after the commit; a failing listener is logged). */
    void tell() {
        for (Supplier<RegistryListener> lookup : listeners.values()) {
            RegistryListener listener = null;
            try {
                listener = lookup.get();
                if (listener != null) {
                    listener.registryChanged();
                }
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(RegistryChanges.class).warn("Registry listener {} failed",
                        listener == null ? "(not available)" : listener.getClass().getName(), e);
            }
        }
    }

    void bind(ComponentServiceObjects<RegistryListener> objects) {
        listeners.put(objects, new BoundListener(objects));
    }

    void unbind(ComponentServiceObjects<RegistryListener> objects) {
        if (listeners.remove(objects) instanceof BoundListener bound) {
            bound.release();
        }
    }

    /** A bound listener service: its object taken on first use, given back on unbind. */
    private static final class BoundListener implements Supplier<RegistryListener> {
        private final ComponentServiceObjects<RegistryListener> objects;
        private RegistryListener taken;

        BoundListener(ComponentServiceObjects<RegistryListener> objects) {
            this.objects = objects;
        }

        @Override
        public synchronized RegistryListener get() {
            if (taken == null) {
                taken = objects.getService();
            }
            return taken;
        }

        synchronized void release() {
            if (taken != null) {
                try {
                    objects.ungetService(taken);
                } catch (IllegalStateException | IllegalArgumentException e) {
                    // the listener's bundle or this component is already gone: nothing to give back
                }
                taken = null;
            }
        }
    }

    /** For tests and in-process callers: a listener object given directly. */
    void addListener(RegistryListener listener) {
        listeners.put(listener, () -> listener);
    }

    void removeListener(RegistryListener listener) {
        listeners.remove(listener);
    }
}
