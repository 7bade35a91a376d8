package ua.hromada.portal.shell.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/**
 * Page-wide settings. Push by long polling: WebSocket push through the Felix whiteboard loses
 * the Vaadin session (see docs/vaadin-on-karaf).
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class PortalAppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Hromada");
    }
}
