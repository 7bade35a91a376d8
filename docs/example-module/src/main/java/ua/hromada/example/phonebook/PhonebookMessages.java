package ua.hromada.example.phonebook;

import org.osgi.service.component.annotations.Component;

import ua.hromada.portal.api.MessageBundle;
import ua.hromada.portal.api.ResourceBundleMessages;

/** The module's texts: i18n/phonebook.properties (Ukrainian), i18n/phonebook_en.properties. */
@Component(service = MessageBundle.class)
public class PhonebookMessages extends ResourceBundleMessages {

    public PhonebookMessages() {
        super("i18n.phonebook");
    }
}
