package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Page-wide settings. Push over a WebSocket, the browser's requests over XHR (WEBSOCKET_XHR): a
 * held long-polling request per tab would use one of the browser's six HTTP/1.1 connections per
 * host, and the seventh tab would not load. Atmosphere falls back to long polling by itself where
 * the WebSocket cannot be opened (a proxy that does not pass the upgrade). Requests over XHR keep
 * the session's last access, the sign-in's session id change and Felix's session handling on
 * ordinary HTTP requests.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.WEBSOCKET_XHR)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class PortalAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Hromada");
    }
}
