package ua.hromada.crm.service.queue;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The queue's refusals and the load export's headings ({@code i18n/crm-queue-service}). */
@Component(service = MessageBundle.class)
public class QueueMessages extends ResourceBundleMessages {
    public QueueMessages() {
        super("i18n.crm-queue-service");
    }
}
