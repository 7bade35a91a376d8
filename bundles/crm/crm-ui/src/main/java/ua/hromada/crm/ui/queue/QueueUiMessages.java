package ua.hromada.crm.ui.queue;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The queue pages' texts: desk, kiosk, hall display, planning ({@code i18n/crm-queue}). */
@Component(service = MessageBundle.class)
public class QueueUiMessages extends ResourceBundleMessages {
    public QueueUiMessages() {
        super("i18n.crm-queue");
    }
}
