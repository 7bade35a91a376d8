package ua.hromada.portal.ui.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;

import org.atmosphere.cpr.AtmosphereResource;
import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.nodefeature.PushConfigurationMap;
import com.vaadin.flow.server.communication.AtmospherePushConnection;
import com.vaadin.flow.shared.communication.PushMode;

/**
 * pollWhileRunning polls only where push fell back to long polling: the actual transport of a
 * page's push connection is read from Vaadin's connection (issue 20 item 32).
 */
class PushTransportTest {

    @Test
    void aWebSocketPushConnectionIsRecognised() {
        UI ui = uiPushingOver(AtmosphereResource.TRANSPORT.WEBSOCKET);
        assertTrue(JobRunner.pushOverWebSocket(ui));
        // nothing polls beside a WebSocket
        JobRunner.pollWhileRunning(ui, new com.vaadin.flow.component.html.Div());
        assertTrue(ui.getPollInterval() < 0, "no poll over a WebSocket");
    }

    @Test
    void longPollingIsNotAWebSocketAndIsPolled() {
        UI ui = uiPushingOver(AtmosphereResource.TRANSPORT.LONG_POLLING);
        assertFalse(JobRunner.pushOverWebSocket(ui));
        Runnable stop = JobRunner.pollWhileRunning(ui, new com.vaadin.flow.component.html.Div());
        assertTrue(ui.getPollInterval() > 0, "the long-polling fallback is polled while a job runs");
        stop.run();
        assertTrue(ui.getPollInterval() < 0);
    }

    @Test
    void aPageWithoutAConnectedPushIsNotAWebSocket() {
        UI ui = new UI();
        assertFalse(JobRunner.pushOverWebSocket(ui));
        enablePush(ui);
        assertFalse(JobRunner.pushOverWebSocket(ui), "push enabled but not connected yet");
    }

    private static UI uiPushingOver(AtmosphereResource.TRANSPORT transport) {
        UI ui = new UI();
        enablePush(ui);
        AtmosphereResource resource = (AtmosphereResource) Proxy.newProxyInstance(
                PushTransportTest.class.getClassLoader(), new Class<?>[] { AtmosphereResource.class },
                (proxy, method, args) -> switch (method.getName()) {
                    case "transport" -> transport;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "resource over " + transport;
                    default -> null;
                });
        ((AtmospherePushConnection) ui.getInternals().getPushConnection()).connect(resource);
        return ui;
    }

    /** What PushConfiguration.setPushMode does, without the session a unit test has not got. */
    private static void enablePush(UI ui) {
        ui.getInternals().getStateTree().getRootNode().getFeature(PushConfigurationMap.class)
                .setPushMode(PushMode.AUTOMATIC);
        ui.getInternals().setPushConnection(new AtmospherePushConnection(ui));
    }
}
