package ua.hromada.portal.vaadin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;

/**
 * The session a push WebSocket's handshake gets is the container's; what the portal stored through
 * Felix HTTP sits there under Felix's per-context prefix. Without the view Vaadin found no lock and
 * no session and sent "session expired" (the reload loop of the first WebSocket attempt).
 */
class ContextSessionViewTest {

    private final Map<String, Object> stored = new HashMap<>();
    private final HttpSession container = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] { HttpSession.class }, (proxy, method, args) -> switch (method.getName()) {
                case "getAttribute" -> stored.get((String) args[0]);
                case "setAttribute" -> stored.put((String) args[0], args[1]);
                case "removeAttribute" -> stored.remove((String) args[0]);
                case "getAttributeNames" -> Collections.enumeration(List.copyOf(stored.keySet()));
                case "getId" -> "node0abc";
                default -> null;
            });

    @Test
    void readsWhatFelixStoredForTheContext() {
        // as Felix's HttpSessionWrapper stores them for the whiteboard context "hromada"
        stored.put("org.apache.felix.http.session.context.created.hromada", 1L);
        stored.put("org.apache.felix.http.session.context.attr.hromada.com.vaadin.lock", "the lock");
        stored.put("org.apache.felix.http.session.context.attr.other.com.vaadin.lock", "another context's");
        stored.put("com.vaadin.lock", "not the portal's");

        ContextSessionView view = new ContextSessionView(container, "hromada");

        assertTrue(ContextSessionView.usedByContext(container, "hromada"));
        assertFalse(ContextSessionView.usedByContext(container, "other-name"));
        assertEquals("the lock", view.getAttribute("com.vaadin.lock"));
        assertEquals(List.of("com.vaadin.lock"), Collections.list(view.getAttributeNames()));
        assertEquals("node0abc", view.getId());
    }

    @Test
    void writesUnderThePrefixAndRefusesListenersFelixWouldWrap() {
        ContextSessionView view = new ContextSessionView(container, "hromada");
        view.setAttribute("a", "value");
        assertEquals("value", stored.get("org.apache.felix.http.session.context.attr.hromada.a"));
        view.setAttribute("a", null);
        assertNull(stored.get("org.apache.felix.http.session.context.attr.hromada.a"));

        HttpSessionBindingListener listener = new HttpSessionBindingListener() {
            @Override
            public void valueBound(HttpSessionBindingEvent event) {
            }
        };
        assertThrows(IllegalStateException.class, () -> view.setAttribute("b", listener));
        assertTrue(stored.isEmpty());
    }
}
