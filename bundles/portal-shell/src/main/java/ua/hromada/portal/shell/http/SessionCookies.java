package ua.hromada.portal.shell.http;

import java.lang.ref.WeakReference;
import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;

/**
 * Session settings that Felix HTTP 1.1.8 has no configuration key for: the session cookie's
 * {@code SameSite=Lax} (and {@code Secure} behind an https public URL) and the lifetime of a
 * session nobody has signed in to. The whiteboard only hands out a read-only cookie config, so
 * they are set on Jetty's session manager, reached through the request (Jetty 12 ee10:
 * {@code ServletApiRequest.getServletRequestInfo().getSessionManager()}). By reflection: Felix
 * does not export Jetty's packages. Applied once per session manager (Felix makes a new one when
 * it restarts Jetty); the e2e test checks the resulting Set-Cookie header.
 */
final class SessionCookies {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCookies.class);

    /** The manager configured last; weak, so a restarted Jetty is not kept alive. */
    private volatile WeakReference<Object> configured = new WeakReference<>(null);
    /** The manager whose own default timeout (Felix's setting) {@link #signedInSeconds} holds. */
    private WeakReference<Object> measured = new WeakReference<>(null);
    private volatile int signedInSeconds = -1;
    private volatile boolean failed;

    /** Seconds a signed-in session lives (Felix's org.apache.felix.http.session.timeout). */
    int signedInSeconds() {
        return signedInSeconds;
    }

    /** Forgets the configured manager, so changed settings apply on the next request. */
    void reset() {
        configured = new WeakReference<>(null);
    }

    void apply(ServletRequest request, boolean secure, int anonymousSeconds) {
        if (failed) {
            return;
        }
        try {
            ServletRequest inner = request;
            while (inner instanceof ServletRequestWrapper wrapper) {
                inner = wrapper.getRequest();
            }
            Object info = inner.getClass().getMethod("getServletRequestInfo").invoke(inner);
            Object manager = info.getClass().getMethod("getSessionManager").invoke(info);
            if (manager == null || manager == configured.get()) {
                return;
            }
            synchronized (this) {
                if (manager == configured.get()) {
                    return;
                }
                Class<?> type = manager.getClass();
                Method setSameSite = findOneArg(type, "setSameSite");
                @SuppressWarnings({ "unchecked", "rawtypes" })
                Object lax = Enum.valueOf((Class<Enum>) setSameSite.getParameterTypes()[0], "LAX");
                setSameSite.invoke(manager, lax);
                if (secure) {
                    type.getMethod("setSecureCookies", boolean.class).invoke(manager, true);
                }
                // Felix set the manager's default to the signed-in timeout; the first time this
                // manager is seen, that default is remembered and replaced by the anonymous one
                if (manager != measured.get()) {
                    signedInSeconds = (Integer) type.getMethod("getMaxInactiveInterval").invoke(manager);
                    measured = new WeakReference<>(manager);
                }
                if (anonymousSeconds > 0 && anonymousSeconds < signedInSeconds) {
                    type.getMethod("setMaxInactiveInterval", int.class).invoke(manager, anonymousSeconds);
                }
                configured = new WeakReference<>(manager);
                LOG.info("Session cookie SameSite=Lax{}; sessions without sign-in live {} s, signed-in {} s",
                        secure ? ", Secure" : "", Math.min(anonymousSeconds, signedInSeconds), signedInSeconds);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            failed = true;
            LOG.error("Cannot configure the session cookie (SameSite) on this Jetty: {}", e.toString());
        }
    }

    private static Method findOneArg(Class<?> type, String name) throws NoSuchMethodException {
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == 1) {
                return method;
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }
}
