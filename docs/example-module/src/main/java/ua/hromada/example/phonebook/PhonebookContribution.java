package ua.hromada.example.phonebook;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalView;
import ua.hromada.portal.api.ViewContribution;

/**
 * The menu entry and its page. The shell reads the page's route, title, section, permission and
 * view class from the service properties {@code @PortalView} writes, adds the route when this
 * service appears (the module installed) and removes it when it goes; it activates the component
 * only to create the view, which gets its services through the constructor. Readers and editors
 * both open the page; editing is checked again by the service.
 */
@Component(service = ViewContribution.class)
@PortalView(route = "phonebook", title = "phonebook.menu", section = Phonebook.MODULE, icon = "vaadin:phone",
        permission = PhonebookPermissions.READ, view = PhonebookView.class)
public class PhonebookContribution implements ViewContribution {

    @Reference
    private Phonebook phonebook;
    @Reference
    private CurrentUser currentUser;

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PhonebookView(phonebook, currentUser);
    }
}
