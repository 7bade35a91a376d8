package ua.hromada.example.phonebook;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ua.hromada.portal.api.CurrentUser;
import ua.hromada.portal.api.PortalUser;
import ua.hromada.portal.api.ViewContribution;

/**
 * The menu entry and its page. The shell adds the route when this service appears (the module
 * installed) and removes it when it goes; the view gets its services through the constructor.
 */
@Component(service = ViewContribution.class)
public class PhonebookContribution implements ViewContribution {

    @Reference
    private Phonebook phonebook;
    @Reference
    private CurrentUser currentUser;

    @Override
    public String route() {
        return "phonebook";
    }

    @Override
    public String titleKey() {
        return "phonebook.menu";
    }

    @Override
    public String icon() {
        return "vaadin:phone";
    }

    @Override
    public String section() {
        return Phonebook.MODULE;
    }

    @Override
    public String requiredPermission() {
        // readers and editors both open it; editing is checked again in the view
        return PortalUser.anyOf(PhonebookPermissions.VIEW, PhonebookPermissions.EDIT);
    }

    @Override
    public Class<? extends com.vaadin.flow.component.Component> viewClass() {
        return PhonebookView.class;
    }

    @Override
    public com.vaadin.flow.component.Component createView() {
        return new PhonebookView(phonebook, currentUser);
    }
}
